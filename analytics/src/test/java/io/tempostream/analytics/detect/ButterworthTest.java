package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ButterworthTest {
    private static final double RATE = 25;

    private static double[] sine(double hz, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return x;
    }

    private static double rms(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    @Test
    void lowPassKeepsSlowMotionInPlaceAndRemovesTremor() {
        int n = 500;
        double[] slow = sine(0.3, n);
        double[] filtered = Butterworth.lowPass(3, RATE).filtfilt(slow, n, 75);
        for (int i = 50; i < n - 50; i++) {
            assertEquals(slow[i], filtered[i], 0.01, "zero phase and unit gain at 0.3 Hz, sample " + i);
        }
        double[] tremor = Butterworth.lowPass(3, RATE).filtfilt(sine(8, n), n, 75);
        assertTrue(rms(tremor, 50, n - 50) < 0.05, "8 Hz is attenuated: rms " + rms(tremor, 50, n - 50));
    }

    @Test
    void highPassRemovesOffsetAndDriftButKeepsReps() {
        int n = 1000;
        double[] x = new double[n];
        double[] rep = sine(0.33, n);
        for (int i = 0; i < n; i++) {
            x[i] = 5 + 0.01 * i + rep[i];
        }
        double[] filtered = Butterworth.highPass(0.2, RATE).filtfilt(x, n, 75);
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            error[i] = filtered[i] - rep[i];
        }
        assertTrue(rms(error, 100, n - 100) < 0.35 * rms(rep, 100, n - 100),
                "offset and drift removed, 0.33 Hz kept: error rms " + rms(error, 100, n - 100));
    }
}
