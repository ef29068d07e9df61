package io.tempostream.analytics.detect;

/**
 * The sensor-frame axis the limb rotates about, found without knowing how the sensor is strapped
 * on: the principal eigenvector of an exponentially weighted second-moment matrix of the gyroscope,
 * tracked by one power-iteration step per sample. Starting each step from the previous axis keeps
 * its sign from flipping while the motion is steady.
 */
final class DominantAxis {
    /** Seconds of history the matrix remembers: a few reps, so it follows a change of exercise. */
    private static final double MEMORY_S = 4.0;

    private final double[] m = new double[9];
    private double ax = 1, ay = 0, az = 0;

    void update(double gx, double gy, double gz, double dtS) {
        double w = Math.min(1, dtS / MEMORY_S);
        double k = 1 - w;
        m[0] = k * m[0] + w * gx * gx;
        m[1] = k * m[1] + w * gx * gy;
        m[2] = k * m[2] + w * gx * gz;
        m[4] = k * m[4] + w * gy * gy;
        m[5] = k * m[5] + w * gy * gz;
        m[8] = k * m[8] + w * gz * gz;
        double nx = m[0] * ax + m[1] * ay + m[2] * az;
        double ny = m[1] * ax + m[4] * ay + m[5] * az;
        double nz = m[2] * ax + m[5] * ay + m[8] * az;
        double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (norm > 1e-9) {
            ax = nx / norm;
            ay = ny / norm;
            az = nz / norm;
        }
    }

    double project(double gx, double gy, double gz) {
        return gx * ax + gy * ay + gz * az;
    }
}
