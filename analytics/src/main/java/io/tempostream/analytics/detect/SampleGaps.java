package io.tempostream.analytics.detect;

/**
 * Gaps in a device's samples. One shorter than {@link #DROPOUT_MS} is messages lost on the way:
 * the engines fill it in on a straight line across it, since their analyses take samples as
 * evenly spaced (a gap joined up shifted what came before it in time, and merged movements either
 * side of it): the rotation engine between the samples either side, the travel window between the
 * mean levels either side (its bins carry the accelerometer's noise, which integrated twice
 * drifts). A longer one is a dropout, across which nothing is joined. Either way, the sensor was
 * not seen during it ({@link #UNSEEN_S}).
 */
final class SampleGaps {
    /**
     * A sensor unseen this long is a dropout (a radio link losing packets for a while): the time
     * between two samples less the usual step between them, so a dropout lasts as long at any
     * rate (a 25 Hz sensor losing 0.96 s of messages, 1 s between samples, is not one). Not longer:
     * filled in up to 2 s, a 1.2 s gap in a set of 3 s rows joined two of them into one 1 m "rep"
     * holding 2.5 s at the top (VerticalRepDetectorTest), though two runs of lost messages that
     * met (1.01 s) then no longer cut a set in two. Inside a set, a longer gap may be filled in
     * ({@link #dropoutMs}).
     */
    static final long DROPOUT_MS = 1_000;

    /**
     * Inside a set, a gap up to this share of its rep period is filled in, not a dropout: a 1.6 s
     * gap in a 7 s row left the rep counted and timed, but a 1.2 s gap in a set of 3 s rows joined
     * two of them into one "rep" holding 2.5 s (so {@link #DROPOUT_MS} stays the least). The period
     * of a set's first reps on offer is their length, which comes out short (a 7.4 s squat offered
     * as 6.1 s).
     */
    private static final double DROPOUT_SHARE_OF_PERIOD = 0.3;

    /**
     * The longest gap filled in, well under the 2.5 s of silence after which the job closes a
     * device's stretch ({@code VerticalRepDetector.advanceTo}): the job and `analyze` fill the same gaps.
     */
    private static final long MAX_FILLED_GAP_MS = 2_000;

    /**
     * A step between samples longer than this is a gap at any rate a sensor sends (12.5 Hz at the
     * slowest: 80 ms): nothing is known of the sensor across it. Counted as stillness, a 1.6 s
     * dropout in a face pull let the turn's last 0.7 s before it be learned as the gyroscope's
     * offset (−13.6 deg/s), so large the wrist never looked still again ({@link GyroBias}).
     */
    static final double UNSEEN_S = 0.25;

    private SampleGaps() {
    }

    /**
     * How long a gap is a dropout where reps come every {@code repPeriodMs} (0: no set under way):
     * {@link #DROPOUT_MS}, or inside a set {@link #DROPOUT_SHARE_OF_PERIOD} of its period, up to
     * {@link #MAX_FILLED_GAP_MS}. Two runs of lost messages that met (1.0–1.6 s) cut 6 of 40
     * sessions of 7 s rows and lost the rep they fell in, which a gap filled in leaves counted and timed.
     */
    static long dropoutMs(double repPeriodMs) {
        return Math.max(DROPOUT_MS, Math.min(MAX_FILLED_GAP_MS, (long) (DROPOUT_SHARE_OF_PERIOD * repPeriodMs)));
    }

    /**
     * How many samples {@code stepMs} apart are missing in a gap of {@code gapMs} that follows a
     * step of {@code lastStepMs}: none unless the gap is more than half as long again as that step.
     */
    static int missing(long gapMs, long lastStepMs, double stepMs) {
        if (goesOn(gapMs, lastStepMs)) {
            return 0;
        }
        return Math.max(0, (int) Math.round(gapMs / stepMs) - 1);
    }

    /** Whether a step of {@code stepMs} after one of {@code lastStepMs} keeps the spacing: at most half as long again. */
    static boolean goesOn(long stepMs, long lastStepMs) {
        return 2 * stepMs <= 3 * lastStepMs;
    }

    /**
     * How long the sensor was unseen in a step of {@code stepMs} between two samples, where the
     * usual step is {@code usualStepMs}: what is compared with a dropout's length, so a dropout
     * lasts as long at any rate.
     */
    static long unseenMs(long stepMs, long usualStepMs) {
        return stepMs - usualStepMs;
    }
}
