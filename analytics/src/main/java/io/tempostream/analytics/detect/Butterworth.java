package io.tempostream.analytics.detect;

/**
 * Second-order Butterworth low- and high-pass sections (bilinear transform with pre-warping, as
 * in scipy.signal.butter) and zero-phase forward-backward filtering (as in filtfilt), with odd
 * reflection at both ends so a window's edges are not mistaken for movement.
 */
final class Butterworth {
    private final double b0, b1, b2, a1, a2;

    private Butterworth(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    static Butterworth lowPass(double cutoffHz, double sampleRateHz) {
        double k = Math.tan(Math.PI * cutoffHz / sampleRateHz);
        double norm = 1 / (1 + Math.sqrt(2) * k + k * k);
        double b0 = k * k * norm;
        return new Butterworth(b0, 2 * b0, b0, 2 * (k * k - 1) * norm, (1 - Math.sqrt(2) * k + k * k) * norm);
    }

    static Butterworth highPass(double cutoffHz, double sampleRateHz) {
        double k = Math.tan(Math.PI * cutoffHz / sampleRateHz);
        double norm = 1 / (1 + Math.sqrt(2) * k + k * k);
        return new Butterworth(norm, -2 * norm, norm, 2 * (k * k - 1) * norm, (1 - Math.sqrt(2) * k + k * k) * norm);
    }

    /** Zero-phase filtering of {@code x[0..n)}, padded by {@code pad} reflected samples at each end. */
    double[] filtfilt(double[] x, int n, int pad) {
        pad = Math.min(pad, n - 1);
        double[] y = new double[n + 2 * pad];
        System.arraycopy(x, 0, y, pad, n);
        filtfiltPadded(y, n, pad, false);
        return java.util.Arrays.copyOfRange(y, pad, pad + n);
    }

    /**
     * The same filtering in place, for callers that already hold the n values at
     * {@code y[pad..pad + n)} of a buffer with room for {@code pad} values on each side
     * ({@code pad < n}; what lies beyond {@code n + 2 pad} is left alone, so a buffer can be
     * reused); saves the copies on a hot path. With {@code mirroredEnd} the end is padded by
     * mirroring instead (the signal comes back the way it came, as a rest level does).
     */
    void filtfiltPadded(double[] y, int n, int pad, boolean mirroredEnd) {
        for (int i = 0; i < pad; i++) {
            y[i] = 2 * y[pad] - y[2 * pad - i];
            y[n + pad + i] = mirroredEnd ? y[n + pad - 2 - i] : 2 * y[n + pad - 1] - y[n + pad - 2 - i];
        }
        pass(y, n + 2 * pad, false);
        pass(y, n + 2 * pad, true);
    }

    /**
     * One pass over {@code y[0..n)} in place, forwards or backwards. Two loops rather than one with
     * a step variable: the JIT compiles a counted loop with a fixed direction much tighter.
     */
    private void pass(double[] y, int n, boolean backwards) {
        double first = backwards ? y[n - 1] : y[0];
        // Start in the steady state of the first value, as filtfilt's initial conditions do.
        double x1 = first;
        double x2 = first;
        double y1 = first * ((b0 + b1 + b2) / (1 + a1 + a2));
        double y2 = y1;
        if (!backwards) {
            for (int i = 0; i < n; i++) {
                double x0 = y[i];
                // Each output waits for the one before it: the newest output goes in last, by one
                // fused multiply-add (the filter is the largest part of a travel analysis).
                double out = Math.fma(-a1, y1, b0 * x0 + b1 * x1 + b2 * x2 - a2 * y2);
                x2 = x1;
                x1 = x0;
                y2 = y1;
                y1 = out;
                y[i] = out;
            }
        } else {
            for (int i = n - 1; i >= 0; i--) {
                double x0 = y[i];
                double out = Math.fma(-a1, y1, b0 * x0 + b1 * x1 + b2 * x2 - a2 * y2);
                x2 = x1;
                x1 = x0;
                y2 = y1;
                y1 = out;
                y[i] = out;
            }
        }
    }
}
