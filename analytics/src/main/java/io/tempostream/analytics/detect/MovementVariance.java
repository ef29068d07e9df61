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

    /**
     * {@link #of} over every alignment of the half-seconds: the variance of the mean of each
     * half-second window starting at each value. Noise gives it what it gives {@link #of}; a quick
     * movement does not depend on where the half-seconds fall, which for a 1 s way out and back
     * changed {@link #of} sixfold (one 1-0-3-0 squat's swing was judged 16 times less than the last
     * rep's by this chance alone). Zero for less than a half-second.
     */
    static double ofEveryAlignment(double[] a, int from, int to, int perHalfSecond) {
        int windows = to - from - perHalfSecond + 1;
        if (windows < 2) {
            return 0;
        }
        double sum = 0;
        for (int j = from; j < from + perHalfSecond; j++) {
            sum += a[j];
        }
        double meanOfMeans = 0;
        double sumOfSquares = 0;
        for (int k = 0; k < windows; k++) {
            if (k > 0) {
                sum += a[from + k + perHalfSecond - 1] - a[from + k - 1];
            }
            double m = sum / perHalfSecond;
            meanOfMeans += m;
            sumOfSquares += m * m;
        }
        meanOfMeans /= windows;
        return Math.max(0, sumOfSquares / windows - meanOfMeans * meanOfMeans) * windows / (windows - 1);
    }

    /**
     * The variance of {@code a[from..to)}'s half-second means, but never below what the sensor's
     * noise alone gives them ({@link #noiseShare}). Three seconds of stillness hold six
     * half-seconds, and by chance their means may agree far more closely than noise makes them,
     * which made a later stretch of plain noise look like a movement 17 times stronger than it.
     */
    static double ofStillness(double[] a, int from, int to, int perHalfSecond) {
        return Math.max(of(a, from, to, perHalfSecond), noiseShare(a, from, to, perHalfSecond));
    }

    /**
     * Whether {@code a[from..to)} moved more than the sensor's noise: its half-second means varied at
     * least {@code ratio} times what the noise alone gives them ({@link #noiseShare}).
     */
    static boolean movedBeyondNoise(double[] a, int from, int to, int perHalfSecond, double ratio) {
        return of(a, from, to, perHalfSecond) >= ratio * noiseShare(a, from, to, perHalfSecond);
    }

    /**
     * What the sensor's noise alone gives the variance of half-second means: the noise's variance,
     * from successive differences (which a slow movement hardly touches), over the values per
     * half-second. Zero for fewer than two values.
     */
    static double noiseShare(double[] a, int from, int to, int perHalfSecond) {
        if (to - from < 2) {
            return 0;
        }
        double sum = 0;
        for (int j = from + 1; j < to; j++) {
            double step = a[j] - a[j - 1];
            sum += step * step;
        }
        return sum / (2.0 * (to - from - 1)) / perHalfSecond;
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
