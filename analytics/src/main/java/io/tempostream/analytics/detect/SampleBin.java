package io.tempostream.analytics.detect;

/**
 * The raw samples of one 40 ms bin, summed until the bin closes, so the gravity estimate and the
 * travel window see one averaged sample per bin: bar travel has nothing above a few Hz, and at
 * 100 Hz the estimate (two square roots and the gyroscope's turn) then runs a quarter as often.
 */
final class SampleBin {
    /** Bin length; samples are averaged into bins of this length. */
    static final long BIN_MS = 40;

    private long startMs;
    private long timeSumMs;
    private int count;
    private double ax, ay, az, gx, gy, gz;
    /** Time covered: from the sample before the bin's first to its last (the gyroscope's turn). */
    private double spanS;

    /** True when {@code tMs} lies beyond this bin, which must then be closed before it is added. */
    boolean endsBefore(long tMs) {
        return count > 0 && tMs - startMs > BIN_MS * 3 / 4; // tolerant of ±1 ms clock jitter
    }

    /** Adds a sample (g, deg/s), {@code dtS} after the one before it. */
    void add(long tMs, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps, double dtS) {
        if (count == 0) {
            startMs = tMs;
        }
        timeSumMs += tMs;
        count++;
        ax += axG;
        ay += ayG;
        az += azG;
        gx += gxDps;
        gy += gyDps;
        gz += gzDps;
        spanS += dtS;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The bin's vertical acceleration (m/s²), its samples averaged and then turned to the vertical. */
    double verticalAcceleration(GravityTracker gravity) {
        double perSample = 1.0 / count;
        return gravity.verticalAcceleration(ax * perSample, ay * perSample, az * perSample, gx * perSample,
                gy * perSample, gz * perSample, spanS);
    }

    /** How far the sensor turned over the bin (degrees), from its mean angular velocity. */
    double turnDeg() {
        double perSample = 1.0 / count;
        return Math.sqrt(gx * gx + gy * gy + gz * gz) * perSample * spanS;
    }

    /** The bin's mean angular velocity about the sensor's x, y or z axis (deg/s; {@code axis} 0, 1 or 2). */
    double gyroDps(int axis) {
        return (axis == 0 ? gx : axis == 1 ? gy : gz) / count;
    }

    /** The bin's time: its samples' mean time (ms). */
    long timeMs() {
        return timeSumMs / count;
    }

    void clear() {
        count = 0;
        timeSumMs = 0;
        ax = ay = az = gx = gy = gz = 0;
        spanS = 0;
    }
}
