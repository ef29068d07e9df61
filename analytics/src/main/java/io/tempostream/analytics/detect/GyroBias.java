package io.tempostream.analytics.detect;

/**
 * The gyroscope's offset, learned whenever the sensor is still (a zero-velocity update): MEMS
 * gyroscopes read 0.5–2 deg/s at rest, which is a third of a slow scapular retraction's peak speed,
 * enough to keep a movement from ever "ending". Still means the accelerometer reads 1 g and the
 * gyroscope, less the current offset, almost nothing, for long enough that it is not the turn at
 * the end of a phase: the holds and pauses of every set, and the rests between them, qualify.
 */
final class GyroBias {
    /** Accelerometer magnitude within this of 1 g: no linear acceleration to speak of. */
    private static final double STILL_ACCEL_G = 0.05;
    /** Angular speed, less the offset, below this: gyroscope noise, not motion. */
    private static final double STILL_GYRO_DPS = 2.0;
    /** A phase's slow turn at its end passes below the limits for a few tenths of a second. */
    private static final double MIN_STILL_S = 0.8;
    /** Averaging time while still: smooths gyroscope noise, follows drift within a rest. */
    private static final double AVERAGING_S = 2.0;

    private double x;
    private double y;
    private double z;
    private double stillS;

    /** Feeds one sample (g, deg/s); {@code dtS} is the time since the previous one. */
    void update(double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps, double dtS) {
        double norm = Math.sqrt(axG * axG + ayG * ayG + azG * azG);
        double rx = gxDps - x;
        double ry = gyDps - y;
        double rz = gzDps - z;
        boolean still = Math.abs(norm - 1) < STILL_ACCEL_G && rx * rx + ry * ry + rz * rz < STILL_GYRO_DPS * STILL_GYRO_DPS;
        stillS = still ? stillS + dtS : 0;
        if (stillS >= MIN_STILL_S) {
            double k = Math.min(1, dtS / AVERAGING_S);
            x += rx * k;
            y += ry * k;
            z += rz * k;
        }
    }

    double xDps() {
        return x;
    }

    double yDps() {
        return y;
    }

    double zDps() {
        return z;
    }
}
