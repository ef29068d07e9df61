package io.tempostream.analytics.detect;

/**
 * A run of gyroscope readings that {@link GyroBias} judges steady: the range of the averaged
 * reading's length over the run, and gravity's direction where it began, to tell how far the
 * sensor has tilted since (an offset tilts nothing; a turn off the vertical does).
 */
final class SteadyRun {
    private double minDps;
    private double maxDps;
    private double gx;
    private double gy;
    private double gz;

    /** Takes in the reading's length (deg/s) and gravity's direction (g); {@code fresh}: the run starts here. */
    void extend(boolean fresh, double readingDps, double gxG, double gyG, double gzG) {
        minDps = fresh ? readingDps : Math.min(minDps, readingDps);
        maxDps = fresh ? readingDps : Math.max(maxDps, readingDps);
        if (fresh) {
            gx = gxG;
            gy = gyG;
            gz = gzG;
        }
    }

    /** How much the reading's length has varied over the run (deg/s). */
    double rangeDps() {
        return maxDps - minDps;
    }

    /** Gravity, now along {@code (gxG, gyG, gzG)}, has turned by less than the angle whose cosine is {@code cosLimit}. */
    boolean tiltedLessThan(double cosLimit, double gxG, double gyG, double gzG) {
        double dot = gxG * gx + gyG * gy + gzG * gz;
        return dot > 0 && dot * dot > cosLimit * cosLimit * (gxG * gxG + gyG * gyG + gzG * gzG) * (gx * gx + gy * gy + gz * gz);
    }
}
