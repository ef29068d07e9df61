package io.tempostream.ingest.recording;

/**
 * Puts an accelerometer and a gyroscope stream with separate clocks and rates onto one clock: the
 * faster stream's median period, over the time both cover, by linear interpolation. Where either
 * stream has a gap longer than {@link #MAX_GAP_PERIODS} of its own periods, no samples are made,
 * so the detector sees the gap as missing time instead of an invented straight line.
 */
public final class Resampler {
    static final double MAX_GAP_PERIODS = 4;

    private Resampler() {
    }

    public static Recording merge(MetaWearCsv.Channel accel, MetaWearCsv.Channel gyro) throws RecordingFormatException {
        double accelPeriod = medianPeriod(accel.timestampsMs());
        double gyroPeriod = medianPeriod(gyro.timestampsMs());
        double period = Math.min(accelPeriod, gyroPeriod);
        long start = Math.max(accel.timestampsMs()[0], gyro.timestampsMs()[0]);
        long end = Math.min(accel.timestampsMs()[accel.size() - 1], gyro.timestampsMs()[gyro.size() - 1]);
        if (end <= start) {
            throw new RecordingFormatException("accelerometer and gyroscope recordings do not overlap in time");
        }
        int capacity = (int) ((end - start) / period) + 1;
        long[] t = new long[capacity];
        float[][] out = new float[6][capacity];
        int n = 0;
        int ia = 0;
        int ig = 0;
        for (int k = 0; k < capacity; k++) {
            double time = start + k * period;
            while (ia < accel.size() - 2 && accel.timestampsMs()[ia + 1] <= time) {
                ia++;
            }
            while (ig < gyro.size() - 2 && gyro.timestampsMs()[ig + 1] <= time) {
                ig++;
            }
            if (gap(accel.timestampsMs(), ia, accelPeriod) || gap(gyro.timestampsMs(), ig, gyroPeriod)) {
                continue;
            }
            t[n] = Math.round(time);
            double fa = fraction(accel.timestampsMs(), ia, time);
            double fg = fraction(gyro.timestampsMs(), ig, time);
            out[0][n] = lerp(accel.x(), ia, fa);
            out[1][n] = lerp(accel.y(), ia, fa);
            out[2][n] = lerp(accel.z(), ia, fa);
            out[3][n] = lerp(gyro.x(), ig, fg);
            out[4][n] = lerp(gyro.y(), ig, fg);
            out[5][n] = lerp(gyro.z(), ig, fg);
            n++;
        }
        return new Recording(java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(out[0], n),
                java.util.Arrays.copyOf(out[1], n), java.util.Arrays.copyOf(out[2], n),
                java.util.Arrays.copyOf(out[3], n), java.util.Arrays.copyOf(out[4], n), java.util.Arrays.copyOf(out[5], n));
    }

    static double medianPeriod(long[] t) {
        long[] d = new long[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            d[i - 1] = t[i] - t[i - 1];
        }
        java.util.Arrays.sort(d);
        return Math.max(1, d[d.length / 2]);
    }

    private static boolean gap(long[] t, int i, double period) {
        return t[i + 1] - t[i] > MAX_GAP_PERIODS * period;
    }

    private static double fraction(long[] t, int i, double time) {
        long span = t[i + 1] - t[i];
        return span == 0 ? 0 : Math.max(0, Math.min(1, (time - t[i]) / span));
    }

    private static float lerp(float[] v, int i, double f) {
        return (float) (v[i] + (v[i + 1] - v[i]) * f);
    }
}
