package io.tempostream.analytics.detect;

/**
 * How suddenly a movement starts or ends: the steepest change of speed over a tenth of the
 * movement, within its first or last 30 %, in units of its peak speed per its duration. A smooth
 * (half-cosine) movement scores about π; one started with momentum or stopped by a bounce, whose
 * speed comes or goes within a tenth of it, about 10. Measured over a tenth rather than from
 * sample to sample so that sensor noise on slow, small movements (a back sensor at 3-1-3) does
 * not look like a jolt. Only speed in the movement's own direction counts, so the neighbouring
 * movement's start does not.
 */
final class MovementJolt {
    /** The share of a movement at each end where its jolt is measured. */
    static final double END_SHARE = 0.3;
    /** The span over which a change of speed is measured, as a share of the movement. */
    static final double SPAN_SHARE = 0.1;

    private MovementJolt() {
    }

    /**
     * @param tMs   sample times, ascending
     * @param speed speed along the movement at those times (negative: the other way)
     * @param atStart the jolt of the start (rise of speed) rather than the end (fall)
     */
    static double of(double[] tMs, double[] speed, int n, double startMs, double endMs, double peakSpeed,
            boolean atStart) {
        double duration = endMs - startMs;
        if (duration <= 0 || peakSpeed <= 0 || n < 2) {
            return 0;
        }
        double span = SPAN_SHARE * duration;
        double from = atStart ? startMs : endMs - END_SHARE * duration;
        double to = atStart ? startMs + END_SHARE * duration : endMs;
        double steepest = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (tMs[i] < from || speed[i] < 0) {
                continue;
            }
            if (j <= i) {
                j = i + 1;
            }
            while (j < n && tMs[j] - tMs[i] < span) {
                j++;
            }
            if (j >= n || tMs[j] > to + span / 2) {
                break; // the end of a movement may lie up to half a span past its extrapolated zero
            }
            if (speed[j] >= 0) {
                double change = (atStart ? speed[j] - speed[i] : speed[i] - speed[j]) / (tMs[j] - tMs[i]);
                steepest = Math.max(steepest, change);
            }
        }
        return steepest * duration / peakSpeed;
    }
}
