package io.tempostream.ingest.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A recording made noisier: the accelerometer alone, the original left as it was. */
class RecordingTest {
    @Test
    void accelerometerNoiseHasTheAskedSpreadOnEachAxisAndLeavesTheRestAlone() {
        int n = 20_000;
        long[] t = new long[n];
        float[] one = new float[n];
        float[] zero = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = 10L * i;
            one[i] = 1;
        }
        Recording still = new Recording(t, zero.clone(), zero.clone(), one.clone(), zero.clone(), zero.clone(), zero.clone());

        Recording noisy = still.withAccelerometerNoise(0.02, new Random(3));

        assertEquals(0.02, spread(noisy.ax()), 0.001);
        assertEquals(0.02, spread(noisy.ay()), 0.001);
        assertEquals(0.02, spread(noisy.az()), 0.001);
        assertEquals(1.0, mean(noisy.az()), 0.001);
        assertArrayEquals(zero, noisy.gx());
        assertArrayEquals(t, noisy.timestampsMs());
        assertArrayEquals(one, still.az(), "the original is unchanged");
    }

    private static double mean(float[] a) {
        double sum = 0;
        for (float v : a) {
            sum += v;
        }
        return sum / a.length;
    }

    private static double spread(float[] a) {
        double m = mean(a);
        double sum = 0;
        for (float v : a) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (a.length - 1));
    }
}
