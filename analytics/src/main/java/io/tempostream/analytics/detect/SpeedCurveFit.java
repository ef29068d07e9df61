package io.tempostream.analytics.detect;

/**
 * Where a slow movement starts and stops, from its whole speed curve rather than from where its
 * speed crosses a level. A back rep turns the upper back 5–10° at a peak of 3–5 deg/s, so its
 * speed near rest lies under the gyroscope's noise and residual offset, and a level crossing says
 * how the curve is shaped, not where the movement began: the line through 25 and 50 % of the peak
 * is right for a half cosine and 150–450 ms short at each slow end of a bell (minimum jerk) or a
 * skewed one. Here each of a family of speed curves is fitted to every sample of the movement,
 * its start, end and size free: bells of every slope at each end (beta-shaped speeds
 * τ^(a−1) (1 − τ)^(b−1), their ends as slow as linear to cubic, either end the slower), steady
 * middles (trapezoids with half-cosine ramps of 10–30 % of the phase) and the half cosine. Each
 * is first stretched to where the movement's rotation passes a tenth, two tenths, ... of its
 * total (cheap, and clear of the noise), and the six that match best, with the half cosine, are
 * then fitted to every sample: a fit costs some 30 µs, where fitting all 23 cost 360. The best
 * fit gives the ends, unless it fits no better than the half cosine beyond what the noise allows
 * ({@link #CHOOSE_OVER_COSINE}): a shape chosen from noise trades its slope at the ends for a
 * start hundreds of ms off.
 */
final class SpeedCurveFit {
    private static final int TABLE = 512;
    /** Speed shapes on [0, 1], each of unit area, tabulated: {@link #TABLE} + 1 points each. */
    private static final double[][] SHAPES;
    private static final int COSINE;
    /**
     * Shares of the movement's rotation at which its progress is read to pick the shapes worth
     * fitting: a tenth or more from its ends, where the rotation stands clear of the noise.
     */
    private static final double[] SHARES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** Per shape, where in its phase (0–1) its progress reaches each of {@link #SHARES}. */
    private static final double[][] QUANTILES;
    /** The shapes whose progress matches the movement's best are fitted in full, the half cosine too. */
    private static final int FITTED_SHAPES = 6;

    static {
        java.util.List<double[]> shapes = new java.util.ArrayList<>();
        shapes.add(tabulate(x -> Math.sin(Math.PI * x)));
        for (double a = 2; a <= 4; a += 0.5) {
            for (double b = 2; b <= 4; b += 0.5) {
                if (Math.abs(a - b) <= 1) {
                    double pa = a - 1;
                    double pb = b - 1;
                    shapes.add(tabulate(x -> Math.pow(x, pa) * Math.pow(1 - x, pb)));
                }
            }
        }
        for (double rampShare : new double[] {0.1, 0.2, 0.3}) {
            shapes.add(tabulate(x -> Math.min(ramp(x / rampShare), ramp((1 - x) / rampShare))));
        }
        SHAPES = shapes.toArray(new double[0][]);
        COSINE = 0;
        QUANTILES = new double[SHAPES.length][];
        for (int k = 0; k < SHAPES.length; k++) {
            QUANTILES[k] = quantiles(SHAPES[k]);
        }
    }

    /**
     * How much better than the half cosine (in units of the noise's variance per sample, the sum
     * of squares) another shape must fit to be chosen: a likelihood ratio well past chance for a
     * few free parameters.
     */
    private static final double CHOOSE_OVER_COSINE = 10;
    /** The search moves the ends from this step (ms) down to the last. */
    private static final double FIRST_STEP_MS = 20;
    private static final double LAST_STEP_MS = 5;
    /** The movement's total rotation is read this share of its guessed span either side of it. */
    private static final double FIT_OUTSIDE_SHARE = 0.3;
    /** A fit moving an end by more than this share of the movement from the guess is not trusted. */
    private static final double MAX_MOVE_SHARE = 0.6;

    private SpeedCurveFit() {
    }

    private static double ramp(double x) {
        return x >= 1 ? 1 : (1 - Math.cos(Math.PI * Math.max(0, x))) / 2;
    }

    private static double[] tabulate(java.util.function.DoubleUnaryOperator f) {
        double[] table = new double[TABLE + 1];
        double area = 0;
        for (int k = 0; k <= TABLE; k++) {
            table[k] = f.applyAsDouble(k / (double) TABLE);
            area += (k == 0 || k == TABLE ? 0.5 : 1) * table[k];
        }
        area /= TABLE;
        for (int k = 0; k <= TABLE; k++) {
            table[k] /= area;
        }
        return table;
    }

    /**
     * The start and end (ms) of the movement whose velocity along its direction is {@code v} at
     * times {@code tMs} ({@code n} samples, raw, offset removed), searched from the guessed ends;
     * the guess itself where no fit is trusted.
     */
    static double[] startAndEnd(double[] tMs, double[] v, int n, double guessStartMs, double guessEndMs) {
        double duration = guessEndMs - guessStartMs;
        if (n < 8 || !(duration > 0)) {
            return new double[] {guessStartMs, guessEndMs};
        }
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            sumSquares += v[i] * v[i];
        }
        // Where the movement's rotation reaches a tenth, ..., nine tenths of its total: each shape
        // stretched to match those times best says its start and end, and how well it matches
        // picks the few shapes worth fitting to every sample.
        double[] at = progressTimes(tMs, v, n, guessStartMs - FIT_OUTSIDE_SHARE * duration,
                guessEndMs + FIT_OUTSIDE_SHARE * duration);
        int[] picked = new int[FITTED_SHAPES];
        double[] pickedMiss = new double[FITTED_SHAPES];
        java.util.Arrays.fill(picked, -1);
        java.util.Arrays.fill(pickedMiss, Double.POSITIVE_INFINITY);
        double[][] matched = new double[SHAPES.length][];
        for (int k = 0; k < SHAPES.length; k++) {
            matched[k] = at == null ? new double[] {guessStartMs, guessEndMs, 0} : stretched(QUANTILES[k], at);
            for (int j = 0; j < FITTED_SHAPES; j++) {
                if (matched[k][2] < pickedMiss[j]) {
                    System.arraycopy(picked, j, picked, j + 1, FITTED_SHAPES - j - 1);
                    System.arraycopy(pickedMiss, j, pickedMiss, j + 1, FITTED_SHAPES - j - 1);
                    picked[j] = k;
                    pickedMiss[j] = matched[k][2];
                    break;
                }
            }
        }
        double[] cosine = search(SHAPES[COSINE], tMs, v, n, matched[COSINE][0], matched[COSINE][1], sumSquares);
        double[] best = cosine;
        for (int k : picked) {
            if (k > COSINE) {
                double[] ends = search(SHAPES[k], tMs, v, n, matched[k][0], matched[k][1], sumSquares);
                if (ends[2] < best[2]) {
                    best = ends;
                }
            }
        }
        double bestResidual = Math.min(best[2], cosine[2]);
        double cosineResidual = cosine[2];
        double noise = bestResidual / Math.max(1, n - 3);
        double[] chosen = cosineResidual - bestResidual < CHOOSE_OVER_COSINE * noise ? cosine : best;
        if (Math.abs(chosen[0] - guessStartMs) > MAX_MOVE_SHARE * duration
                || Math.abs(chosen[1] - guessEndMs) > MAX_MOVE_SHARE * duration || chosen[1] <= chosen[0]) {
            return new double[] {guessStartMs, guessEndMs};
        }
        return new double[] {chosen[0], chosen[1]};
    }

    /** A pattern search over start and end for one shape: {start, end, residual sum of squares}. */
    private static double[] search(double[] shape, double[] tMs, double[] v, int n, double start, double end,
            double sumSquares) {
        double residual = residual(shape, tMs, v, n, start, end, sumSquares);
        for (double step = FIRST_STEP_MS; step >= LAST_STEP_MS; step /= 2) {
            boolean moved = true;
            while (moved) {
                moved = false;
                for (int k = 0; k < 4; k++) {
                    double s = start + (k == 0 ? -step : k == 1 ? step : 0);
                    double e = end + (k == 2 ? -step : k == 3 ? step : 0);
                    if (e - s < 2 * LAST_STEP_MS) {
                        continue;
                    }
                    double r = residual(shape, tMs, v, n, s, e, sumSquares);
                    if (r < residual) {
                        residual = r;
                        start = s;
                        end = e;
                        moved = true;
                    }
                }
            }
        }
        return new double[] {start, end, residual};
    }

    /** Where a shape's progress (its speed's running integral) reaches each of {@link #SHARES}. */
    private static double[] quantiles(double[] shape) {
        double[] at = new double[SHARES.length];
        double sum = 0;
        int next = 0;
        for (int k = 1; k <= TABLE && next < SHARES.length; k++) {
            double step = (shape[k - 1] + shape[k]) / 2 / TABLE;
            while (next < SHARES.length && sum + step >= SHARES[next]) {
                at[next] = (k - 1 + (SHARES[next] - sum) / step) / TABLE;
                next++;
            }
            sum += step;
        }
        return at;
    }

    /**
     * The times the running integral of {@code v} from {@code fromMs} reaches each of
     * {@link #SHARES} of its value at {@code toMs}; null where it does not rise through them in turn.
     */
    private static double[] progressTimes(double[] tMs, double[] v, int n, double fromMs, double toMs) {
        int first = firstAfter(tMs, n, fromMs);
        int last = firstAfter(tMs, n, toMs);
        if (last - first < SHARES.length * 2) {
            return null;
        }
        double total = 0;
        for (int i = first; i < last; i++) {
            total += v[i];
        }
        if (!(total > 0)) {
            return null;
        }
        double[] at = new double[SHARES.length];
        double sum = 0;
        int next = 0;
        for (int i = first; i < last && next < SHARES.length; i++) {
            // Each bin's rotation taken as spread over the step to the next bin's time.
            double before = sum;
            sum += v[i] / total;
            while (next < SHARES.length && sum >= SHARES[next]) {
                double share = v[i] == 0 ? 0 : (SHARES[next] - before) / (v[i] / total);
                double stepMs = i + 1 < n ? tMs[i + 1] - tMs[i] : tMs[i] - tMs[i - 1];
                at[next] = tMs[i] + share * stepMs;
                next++;
            }
        }
        if (next < SHARES.length) {
            return null;
        }
        for (int k = 1; k < at.length; k++) {
            if (at[k] <= at[k - 1]) {
                return null;
            }
        }
        return at;
    }

    /**
     * The shape whose progress reaches {@link #SHARES} at {@code quantiles} of its phase, stretched
     * over the start and end that best put those on the times {@code at} (least squares):
     * {start, end, the squared misses}.
     */
    private static double[] stretched(double[] quantiles, double[] at) {
        int m = at.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k < m; k++) {
            sx += quantiles[k];
            sy += at[k];
            sxx += quantiles[k] * quantiles[k];
            sxy += quantiles[k] * at[k];
        }
        double width = (m * sxy - sx * sy) / (m * sxx - sx * sx);
        double start = (sy - width * sx) / m;
        double miss = 0;
        for (int k = 0; k < m; k++) {
            double e = at[k] - start - width * quantiles[k];
            miss += e * e;
        }
        return new double[] {start, start + width, miss};
    }

    /** The index of the first of the {@code n} ascending times after {@code ms} ({@code n} if none). */
    private static int firstAfter(double[] tMs, int n, double ms) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tMs[mid] <= ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The residual sum of squares of {@code shape} stretched over [start, end], its size fitted by
     * least squares (closed form), zero outside.
     */
    private static double residual(double[] shape, double[] tMs, double[] v, int n, double start, double end,
            double sumSquares) {
        double perMs = TABLE / (end - start);
        double vf = 0;
        double ff = 0;
        int i = firstAfter(tMs, n, start);
        for (; i < n && tMs[i] < end; i++) {
            double at = (tMs[i] - start) * perMs;
            int k = (int) at;
            double f = shape[k] + (at - k) * (shape[k + 1] - shape[k]);
            vf += v[i] * f;
            ff += f * f;
        }
        return ff == 0 ? sumSquares : sumSquares - vf * vf / ff;
    }
}
