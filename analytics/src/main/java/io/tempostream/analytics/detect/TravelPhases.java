package io.tempostream.analytics.detect;

/**
 * Times one movement along the travel signal: it peaks at the highest speed in the searched span,
 * and its start and end are where the line through the 50 % and 25 % of peak-speed crossings
 * reaches zero speed, the rule {@link MovementSegmenter} uses for rotation. A band on position
 * instead ("within 10 % of the far end") counts the slow approach to each end as a hold: a quarter
 * of every phase for a smooth (minimum-jerk) movement.
 */
final class TravelPhases {
    private static final double MID_FRACTION = 0.5;
    private static final double LOW_FRACTION = 0.25;

    /**
     * A movement's start and end, in ms (interpolated between samples), its peak speed in m/s,
     * and how suddenly it starts and ends (see {@link Rep#concentricJolt()}).
     */
    record Span(double startMs, double endMs, double peakSpeed, double startJolt, double endJolt) {
        Span(double startMs, double endMs) {
            this(startMs, endMs, 0, 0, 0);
        }

        double durationMs() {
            return endMs - startMs;
        }
    }

    private final double[] z;
    private final long[] t;
    private final int offset;

    /** {@code z[i]} is travel at time {@code t[offset + i]}. */
    TravelPhases(double[] z, long[] t, int offset) {
        this.z = z;
        this.t = t;
        this.offset = offset;
    }

    /**
     * The movement in direction {@code sign} (+1 up, −1 down) whose peak speed lies in
     * {@code [from, to]}; its start and end stay within that span.
     */
    Span movement(int from, int to, int sign) {
        int lo = Math.max(1, Math.min(from, to));
        int hi = Math.min(z.length - 2, Math.max(from, to));
        if (hi <= lo) {
            return new Span(time(from), time(to));
        }
        int peakAt = peakAt(lo, hi, sign);
        double peak = speed(peakAt, sign);
        if (peak <= 0) {
            return new Span(time(lo), time(hi));
        }
        double start = Math.max(time(lo), movementEdgeTime(peakAt, -1, lo, peak, sign));
        double end = Math.min(time(hi), movementEdgeTime(peakAt, 1, hi, peak, sign));
        int n = hi - lo + 1;
        double[] times = new double[n];
        double[] speeds = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = time(lo + i);
            speeds[i] = speed(lo + i, sign);
        }
        return new Span(start, end, peak, MovementJolt.of(times, speeds, n, start, end, peak, true),
                MovementJolt.of(times, speeds, n, start, end, peak, false));
    }

    /**
     * Only where the movement in direction {@code sign} with its peak speed in {@code [from, to]}
     * ends, in ms, without its shape: for a look, many times a rep, whether a movement is over.
     * Infinite while its speed has not fallen to a quarter of its peak within the span.
     */
    double endMs(int from, int to, int sign) {
        int lo = Math.max(1, Math.min(from, to));
        int hi = Math.min(z.length - 2, Math.max(from, to));
        if (hi <= lo) {
            return time(to);
        }
        int peakAt = peakAt(lo, hi, sign);
        double peak = speed(peakAt, sign);
        int k = peakAt;
        while (k < hi && speed(k, sign) >= LOW_FRACTION * peak) {
            k++;
        }
        if (peak <= 0 || k == hi) {
            return Double.POSITIVE_INFINITY; // the speed has not come down yet
        }
        return zeroSpeedTime(peakAt, 1, hi, peak, sign);
    }

    /** Where in {@code [lo, hi]} the speed along {@code sign} is highest (the first such sample). */
    private int peakAt(int lo, int hi, int sign) {
        int peakAt = lo;
        double peak = speed(lo, sign);
        for (int i = lo + 1; i <= hi; i++) {
            double s = speed(i, sign);
            if (s > peak) {
                peakAt = i;
                peak = s;
            }
        }
        return peakAt;
    }

    private double zeroSpeedTime(int peakAt, int step, int limit, double peak, int sign) {
        double mid = crossing(peakAt, step, limit, MID_FRACTION * peak, sign);
        double low = crossing(peakAt, step, limit, LOW_FRACTION * peak, sign);
        return low + (low - mid) * LOW_FRACTION / (MID_FRACTION - LOW_FRACTION);
    }

    /**
     * {@link #zeroSpeedTime}, but never beyond where the travel moves the other way at a quarter of
     * the peak speed: a long slow finish (a way back that peaks early) spread the two crossings so
     * far apart that the line ran on into the next rep's way out. (Capped where the speed itself
     * reaches zero, the band's pull back during a pause at the resting end cut ways back short by a
     * further 0.1 s.) A look whether a movement is over ({@link #endMs}) keeps the line: there a
     * late end only makes the look wait.
     */
    private double movementEdgeTime(int peakAt, int step, int limit, double peak, int sign) {
        double line = zeroSpeedTime(peakAt, step, limit, peak, sign);
        double movingBack = crossing(peakAt, step, limit, -LOW_FRACTION * peak, sign);
        return step > 0 ? Math.min(line, movingBack) : Math.max(line, movingBack);
    }

    /** Time (interpolated) where speed first falls below {@code level} walking from {@code i} by {@code step}. */
    private double crossing(int i, int step, int limit, double level, int sign) {
        int k = i;
        while (k != limit && speed(k + step, sign) >= level) {
            k += step;
        }
        if (k == limit) {
            return time(k);
        }
        double inside = speed(k, sign);
        double outside = speed(k + step, sign);
        double fraction = inside == outside ? 0 : (inside - level) / (inside - outside);
        return time(k) + fraction * (time(k + step) - time(k));
    }

    /** Central-difference speed in m/s along {@code sign}. */
    private double speed(int i, int sign) {
        long dt = t[offset + i + 1] - t[offset + i - 1];
        return dt <= 0 ? 0 : sign * (z[i + 1] - z[i - 1]) * 1000.0 / dt;
    }

    private double time(int i) {
        return t[offset + i];
    }
}
