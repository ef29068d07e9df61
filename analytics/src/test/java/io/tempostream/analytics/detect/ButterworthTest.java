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

    /**
     * Golden values from scipy 1.17 (signal.butter(2, fc, btype, fs=25), then
     * signal.filtfilt(b, a, x, padtype='odd', padlen=75)) for x = sin(2π·0.3 t) + 0.5 sin(2π·3.1 t)
     * + 0.01 i, 257 samples: the filter this project's travel and smoothing rest on, computed by
     * another implementation. An odd length, so the last, unpaired sample of each pass is checked too.
     */
    @Test
    void filtfiltMatchesScipy() {
        int n = 257;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * 0.3 * i / RATE) + 0.5 * Math.sin(2 * Math.PI * 3.1 * i / RATE) + 0.01 * i;
        }
        int[] at = {0, 1, 2, 50, 128, 200, 255, 256};
        double[] highPassed = {-0.0268802318125412, 0.40131858066019, 0.626351624145204, -0.102638121669212,
            -0.66490698372871, -0.046358223705154, 0.0356206257650848, -0.0462256316313132};
        double[] lowPassed = {4.98722591002476e-13, 0.131909867951493, 0.236496583033041, -0.0244127344322724,
            1.00804389025363, 2.524412735127, 2.6300893309973, 2.49747103033051};
        double[] high = Butterworth.highPass(0.07, RATE).filtfilt(x, n, 75);
        double[] low = Butterworth.lowPass(2.0, RATE).filtfilt(x, n, 75);
        for (int k = 0; k < at.length; k++) {
            assertEquals(highPassed[k], high[at[k]], 1e-9, "high-pass 0.07 Hz, sample " + at[k]);
            assertEquals(lowPassed[k], low[at[k]], 1e-9, "low-pass 2 Hz, sample " + at[k]);
        }
    }
}
