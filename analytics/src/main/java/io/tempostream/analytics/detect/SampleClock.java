package io.tempostream.analytics.detect;

/** A detector's notion of time: the last sample's time, and the step to the next one. */
final class SampleClock {
    /** What {@link #advance} returns for a sample that is not newer than the last: skip it. */
    static final double NOT_NEWER = -1;

    private long lastMs = Long.MIN_VALUE;

    /** Seconds since the previous sample (0 for the first), or {@link #NOT_NEWER} for a repeated or older one. */
    double advance(long tMs) {
        if (tMs <= lastMs) {
            return NOT_NEWER;
        }
        double dtS = lastMs == Long.MIN_VALUE ? 0 : (tMs - lastMs) * 0.001; // a multiply: a division's latency, every sample
        lastMs = tMs;
        return dtS;
    }

    /** Time of the last sample, or {@code Long.MIN_VALUE} before the first. */
    long lastMs() {
        return lastMs;
    }
}
