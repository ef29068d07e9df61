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
 * middles (trapezoids with half-cosine ramps of 10–30 % of the phase) and the half cosine. The
 * best fit gives the ends, unless it fits no better than the half cosine beyond what the noise
 * allows ({@link #CHOOSE_OVER_COSINE}): a shape chosen from noise trades its slope at the ends for
 * a start hundreds of ms off.
 */
final class SpeedCurveFit {
    private static final int TABLE = 512;
    /** Speed shapes on [0, 1], each of unit area, tabulated: {@link #TABLE} + 1 points each. */
    private static final double[][] SHAPES;
    private static final int COSINE;

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
        for (double ramp : new double[] {0.1, 0.2, 0.3}) {
            shapes.add(tabulate(x -> Math.min(ramp(x / ramp), ramp((1 - x) / ramp))));
        }
        SHAPES = shapes.toArray(new double[0][]);
        COSINE = 0;
    }

    /**
     * How much better than the half cosine (in units of the noise's variance per sample, the sum
     * of squares) another shape must fit to be chosen: a likelihood ratio well past chance for a
     * few free parameters.
     */
    private static final double CHOOSE_OVER_COSINE = 10;
    /** The search moves the ends from this step (ms) down to the last. */
    private static final double FIRST_STEP_MS = 80;
    private static final double LAST_STEP_MS = 5;
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
        double[] best = null;
        double bestResidual = Double.POSITIVE_INFINITY;
        double cosineResidual = Double.POSITIVE_INFINITY;
        double[] cosine = null;
        for (int s = 0; s < SHAPES.length; s++) {
            double[] ends = search(SHAPES[s], tMs, v, n, guessStartMs, guessEndMs, sumSquares);
            double residual = ends[2];
            if (residual < bestResidual) {
                bestResidual = residual;
                best = ends;
            }
            if (s == COSINE) {
                cosineResidual = residual;
                cosine = ends;
            }
        }
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

    /**
     * The residual sum of squares of {@code shape} stretched over [start, end], its size fitted by
     * least squares (closed form), zero outside.
     */
    private static double residual(double[] shape, double[] tMs, double[] v, int n, double start, double end,
            double sumSquares) {
        double width = end - start;
        double vf = 0;
        double ff = 0;
        for (int i = 0; i < n; i++) {
            double x = (tMs[i] - start) / width;
            if (x <= 0 || x >= 1) {
                continue;
            }
            double at = x * TABLE;
            int k = (int) at;
            double f = shape[k] + (at - k) * (shape[k + 1] - shape[k]);
            vf += v[i] * f;
            ff += f * f;
        }
        return ff == 0 ? sumSquares : sumSquares - vf * vf / ff;
    }
}
