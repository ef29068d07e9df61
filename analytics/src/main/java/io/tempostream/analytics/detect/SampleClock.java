package io.tempostream.analytics.detect;

/** A detector's notion of time: the last sample's time, and the step to the next one. */
final class SampleClock {
    /** What {@link #advance} returns for a sample that is not newer than the last: skip it. */
    static final double NOT_NEWER = -1;

    private long lastMs = Long.MIN_VALUE;
    /**
     * The step between samples where none are lost: the newest step that kept the spacing
     * ({@link SampleGaps#goesOn}). 0 until known. Not state: after a restore the first gap is
     * judged by its length alone, as before this was kept.
     */
    private transient long usualStepMs;

    /** Seconds since the previous sample (0 for the first), or {@link #NOT_NEWER} for a repeated or older one. */
    double advance(long tMs) {
        if (tMs <= lastMs) {
            return NOT_NEWER;
        }
        double dtS = 0;
        if (lastMs != Long.MIN_VALUE) {
            long stepMs = tMs - lastMs;
            if (usualStepMs == 0 || SampleGaps.goesOn(stepMs, usualStepMs)) {
                usualStepMs = stepMs;
            }
            dtS = stepMs * 0.001; // a multiply: a division's latency, every sample
        }
        lastMs = tMs;
        return dtS;
    }

    /**
     * How long the sensor was unseen before a sample at {@code tMs}: the time since the last
     * sample less the usual step, which would have passed with nothing lost (a 25 Hz sensor's
     * 0.96 s of lost messages is 1 s between samples).
     */
    long unseenBeforeMs(long tMs) {
        return SampleGaps.unseenMs(tMs - lastMs, usualStepMs);
    }

    /** Time of the last sample, or {@code Long.MIN_VALUE} before the first. */
    long lastMs() {
        return lastMs;
    }
}
