package io.tempostream.analytics.detect;

/**
 * Tracks which way is down in the sensor's frame: the gyroscope turns the gravity estimate with
 * the sensor, the accelerometer's direction pulls it back slowly (a complementary filter, as in
 * Mahony et al. 2008), so slow linear accelerations of a lift are not mistaken for tilt. Returns
 * the acceleration along gravity, up positive, in m/s².
 */
final class GravityTracker {
    /** How fast the accelerometer corrects gyroscope drift; longer than a rep's acceleration phase. */
    private static final double CORRECTION_TAU_S = 2.0;
    /** The sensor's own "1 g" (scale errors of a few % are common), averaged slowly. */
    private static final double ONE_G_TAU_S = 20.0;
    /** Readings within this of the current 1 g (in g) teach it; sensor scale errors are ~1–3 %. */
    private static final double ONE_G_READING_WINDOW = 0.05;
    private static final double STANDARD_GRAVITY = 9.80665;

    private double ux, uy, uz;
    private double oneG = 1;
    /** Readings averaged into {@link #oneG} so far: a plain mean until it spans the time constant. */
    private long oneGReadings;
    private boolean initialised;

    double verticalAcceleration(double ax, double ay, double az, double gxDps, double gyDps, double gzDps, double dtS) {
        double norm = Math.sqrt(ax * ax + ay * ay + az * az);
        if (!initialised) {
            if (norm < 1e-6) {
                return 0;
            }
            ux = ax / norm;
            uy = ay / norm;
            uz = az / norm;
            oneG = norm;
            oneGReadings = 1;
            initialised = true;
            return 0;
        }
        // "Up" is fixed in the world, so in the sensor frame it turns by -ω: u' = u - (ω × u) dt.
        double wx = Math.toRadians(gxDps), wy = Math.toRadians(gyDps), wz = Math.toRadians(gzDps);
        double cx = wy * uz - wz * uy, cy = wz * ux - wx * uz, cz = wx * uy - wy * ux;
        ux -= cx * dtS;
        uy -= cy * dtS;
        uz -= cz * dtS;
        if (norm > 1e-6) {
            double k = Math.min(1, dtS / CORRECTION_TAU_S);
            double perNorm = 1 / norm; // one division, not three: this runs for every sample
            ux += (ax * perNorm - ux) * k;
            uy += (ay * perNorm - uy) * k;
            uz += (az * perNorm - uz) * k;
            // A mean of all readings at first, then an exponential average: started from the first
            // reading alone, its noise (0.01 g) stayed in every later sample for the first minute,
            // a 0.06 m/s² offset that double integration turns into drift. Readings far from 1 g
            // are a lift's or a step's acceleration, not the sensor's scale: they are left out.
            if (Math.abs(norm - oneG) < ONE_G_READING_WINDOW) {
                oneGReadings++;
                oneG += (norm - oneG) * Math.max(Math.min(1, dtS / ONE_G_TAU_S), 1.0 / oneGReadings);
            }
        }
        double perLength = 1 / Math.sqrt(ux * ux + uy * uy + uz * uz);
        ux *= perLength;
        uy *= perLength;
        uz *= perLength;
        return (ax * ux + ay * uy + az * uz - oneG) * STANDARD_GRAVITY;
    }
}
