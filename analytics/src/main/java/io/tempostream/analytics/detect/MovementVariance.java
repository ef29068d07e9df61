package io.tempostream.analytics.detect;

/**
 * How much a stretch of acceleration varies at the pace of a movement: the variance of its
 * half-second means. A rep moves the wrist by accelerating and slowing over a second or more, so
 * its half-second means swing by 0.1–0.3 m/s²; sensor noise averages out of them (0.01 g of noise:
 * ±0.02 m/s²), and a steady offset or tilt moves them all alike. Compared between two stretches
 * of one recording, it is free of the sensor's noise level.
 */
final class MovementVariance {
    private MovementVariance() {
    }

    /** The variance of the means of {@code a[from..to)} in groups of {@code perHalfSecond} values. */
    static double of(double[] a, int from, int to, int perHalfSecond) {
        double mean = mean(a, from, to);
        double sum = 0;
        int groups = 0;
        for (int start = from; start < to; start += perHalfSecond) {
            double m = mean(a, start, Math.min(to, start + perHalfSecond));
            sum += (m - mean) * (m - mean);
            groups++;
        }
        return groups < 2 ? Double.POSITIVE_INFINITY : sum / (groups - 1);
    }

    /** Values per half second at {@code rateHz}. */
    static int perHalfSecond(double rateHz) {
        return Math.max(1, (int) Math.round(rateHz / 2));
    }

    private static double mean(double[] a, int from, int to) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            sum += a[j];
        }
        return sum / (to - from);
    }
}
