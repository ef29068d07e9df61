package io.tempostream.analytics.detect;

/**
 * Where a movement's speed is zero, whatever the shape of the athlete's speed curve. Near rest,
 * speed grows as a power of the time since the movement began, v ∝ (t − t0)^k, and k is the
 * athlete's, not ours: a cosine ramp has k = 1, a minimum-jerk reach k = 2, a slow start up to 3.
 * The times the speed crosses levels L1 < L2 < … then lie on log(t − t0) = log(L) / k + c, so t0
 * is the start that puts them on a straight line, k its slope. Seven levels from 3 to 24 % of the
 * peak, each √2 above the last: low enough that the power law still holds (it bends as the speed
 * nears its peak), high enough to be read through sensor noise, and fitted by least squares so
 * that a few ms of noise on one crossing does not swing the answer, as three crossings did.
 */
final class ZeroSpeed {
    /** Shares of the peak speed whose crossing times are read, lowest first. */
    static final double[] LEVELS = new double[7];

    static {
        for (int k = 0; k < LEVELS.length; k++) {
            LEVELS[k] = 0.03 * Math.pow(Math.sqrt(2), k);
        }
    }

    /**
     * Angular speed (deg/s) that the lowest level must clear for the power law to count at all,
     * and by how much more for it to count fully: the gyroscope offset left after
     * {@link GyroBias} is 0.2–0.5 deg/s. A wrist turning 60° in 3 s peaks near 40 deg/s (1.2 at
     * the lowest level); a back sensor's 5° retraction near 4 (0.1), where the power law is not read.
     */
    private static final double TRUSTED_FROM_DPS = 0.5;
    private static final double TRUSTED_OVER_DPS = 0.5;
    /** No smooth start ramps up faster than linearly (a cut-short one is read apart), or flatter than t^3.5. */
    private static final double MIN_POWER = 1;
    private static final double MAX_POWER = 3.5;
    /** log of the gap ratio √2^(1/power) at the largest and smallest power. */
    private static final double LOG_MIN_GAP_RATIO = Math.log(Math.sqrt(2)) / MAX_POWER;
    private static final double LOG_MAX_GAP_RATIO = Math.log(Math.sqrt(2)) / MIN_POWER;
    private static final double[] LOG_LEVELS = new double[LEVELS.length];

    static {
        for (int k = 0; k < LEVELS.length; k++) {
            LOG_LEVELS[k] = Math.log(LEVELS[k]);
        }
    }

    /** The refining search looks this factor either side of the gap ratios' distance to the zero, in this many steps. */
    private static final double REFINE_RANGE = 1.6;
    private static final int GOLDEN_STEPS = 10;
    /** A second fit keeps at least this many crossings. */
    private static final int MIN_FITTED = 4;

    private ZeroSpeed() {
    }

    /** How much the power law counts (0–1) for a movement of this peak speed (deg/s). */
    static double powerLawWeight(double peakDps) {
        return Math.max(0, Math.min(1, (LEVELS[0] * peakDps - TRUSTED_FROM_DPS) / TRUSTED_OVER_DPS));
    }

    /**
     * @param crossingsMs times where speed crosses each of {@link #LEVELS}, in that order
     * @param step        -1 for a movement's start (the crossings lie after it), +1 for its end
     * @param smoothedMs  half the width of the moving average the speed was smoothed with: it
     *                    rounds the corner where speed leaves zero, so crossings closer to the
     *                    zero than that lie off the power law and are left out of a second fit
     * @return the time speed is zero, before the lowest crossing (after it, for an end)
     */
    static double powerLawZero(double[] crossingsMs, int step, double smoothedMs) {
        int n = crossingsMs.length;
        // Mirror an end into a start: distances then grow with the level either way.
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = -step * crossingsMs[k];
        }
        for (int k = 1; k < n; k++) {
            if (x[k] <= x[k - 1]) {
                return crossingsMs[0]; // crossings out of order: noise, no ramp to fit
            }
        }
        double zero = fit(x, 0);
        int first = 0;
        while (first < n - MIN_FITTED && x[first] - zero < smoothedMs) {
            first++;
        }
        if (first > 0) {
            // A correction for the smoothing, no bigger than it: fewer crossings fit less surely.
            double refit = fit(x, first);
            if (Math.abs(refit - zero) <= smoothedMs) {
                zero = refit;
            }
        }
        return -step * zero;
    }

    /**
     * The zero of the power law of {@link #MIN_POWER}–{@link #MAX_POWER} through crossings
     * {@code first..} ({@link #geometricGapsZero}). Where the lowest crossings come closer together than a linear ramp's
     * would (the two gaps above the lowest each more than √2 times the one below: a power under
     * 1), no smooth ramp fits: the speed was cut short (a start with momentum, or a turn straight
     * into the next movement, whose opposite speed the smoothing mixes in), and it reached zero
     * just past the lowest crossing, on the line through the lowest two.
     */
    private static double fit(double[] x, int first) {
        double g0 = x[first + 1] - x[first];
        double g1 = x[first + 2] - x[first + 1];
        double g2 = x[first + 3] - x[first + 2];
        if (g1 >= Math.sqrt(2) * g0 && g2 >= Math.sqrt(2) * g1) {
            return x[first] - g0 * LEVELS[first] / (LEVELS[first + 1] - LEVELS[first]);
        }
        return refined(x, first, geometricGapsZero(x, first));
    }

    /**
     * The zero near {@code guess} that puts crossings {@code first..} best on a straight line of
     * log(x − t0) against log(level), the power within {@link #MIN_POWER}–{@link #MAX_POWER}:
     * the gap ratios give the neighbourhood cheaply, the crossings themselves, each counting the
     * same, give the answer (weighing gaps alone left holds 45 ms long on minimum-jerk reps at
     * 50 Hz). A golden-section search over distances within {@link #REFINE_RANGE} of the guess's.
     */
    private static double refined(double[] x, int first, double guess) {
        double d = x[first] - guess;
        if (!(d > 0)) {
            return guess;
        }
        double[] logLevel = LOG_LEVELS;
        double[] y = new double[x.length];
        double lo = Math.log(d / REFINE_RANGE);
        double hi = Math.log(d * REFINE_RANGE);
        double golden = (Math.sqrt(5) - 1) / 2;
        double best = d;
        double bestResidual = residual(x, logLevel, first, x[first] - d, y);
        for (int i = 0; i < GOLDEN_STEPS; i++) {
            double m1 = hi - golden * (hi - lo);
            double m2 = lo + golden * (hi - lo);
            double r1 = residual(x, logLevel, first, x[first] - Math.exp(m1), y);
            double r2 = residual(x, logLevel, first, x[first] - Math.exp(m2), y);
            if (Math.min(r1, r2) < bestResidual) {
                bestResidual = Math.min(r1, r2);
                best = Math.exp(r1 <= r2 ? m1 : m2);
            }
            if (r1 <= r2) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        return x[first] - best;
    }

    /**
     * Squared residual of the straight-line fit of log(x − t0) on log(level) over crossings
     * {@code first..}; infinite if its slope (1 / power) is outside the powers allowed. {@code y}
     * is room for the logarithms.
     */
    private static double residual(double[] x, double[] logLevel, int first, double t0, double[] y) {
        int n = x.length - first;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = first; k < x.length; k++) {
            y[k] = Math.log(x[k] - t0);
            sx += logLevel[k];
            sy += y[k];
            sxx += logLevel[k] * logLevel[k];
            sxy += logLevel[k] * y[k];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        if (slope * MAX_POWER < 1 || slope * MIN_POWER > 1) {
            return Double.POSITIVE_INFINITY;
        }
        double intercept = (sy - slope * sx) / n;
        double sum = 0;
        for (int k = first; k < x.length; k++) {
            double e = y[k] - intercept - slope * logLevel[k];
            sum += e * e;
        }
        return sum;
    }

    /**
     * The zero of the power law through crossings {@code first..}, in closed form. With levels a
     * constant factor apart, a power law's crossings are spaced by gaps that grow by a constant
     * ratio r = √2^(1/power): a straight line in log(gap) against the gap's number, fitted by least
     * squares over all the gaps, weighted (a few ms of noise on one crossing moves it little). The gaps
     * below the lowest crossing sum to g0 / (r − 1), where the speed is zero. Six logarithms a
     * look, which matters: this runs for every movement of thousands of devices.
     */
    private static double geometricGapsZero(double[] x, int first) {
        int n = x.length - first - 1;
        double sw = 0, si = 0, sy = 0, sii = 0, siy = 0;
        for (int i = 0; i < n; i++) {
            double gap = x[first + i + 1] - x[first + i];
            if (gap <= 0) {
                return x[first]; // crossings out of order: noise, no ramp to read
            }
            // A crossing's noise is a few ms whatever the gap, so log(gap) is surer the wider
            // the gap: weigh it by gap².
            double w = gap * gap;
            double y = Math.log(gap);
            sw += w;
            si += w * i;
            sy += w * y;
            sii += w * i * i;
            siy += w * i * y;
        }
        double slope = (sw * siy - si * sy) / (sw * sii - si * si);
        slope = Math.max(LOG_MIN_GAP_RATIO, Math.min(LOG_MAX_GAP_RATIO, slope));
        double firstGap = Math.exp((sy - slope * si) / sw);
        return x[first] - firstGap / Math.expm1(slope);
    }

}
