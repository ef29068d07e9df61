package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Raw samples averaged per 40 ms bin before the gravity estimate sees them. */
class SampleBinTest {
    @Test
    void aBinClosesOnceASampleComesThreeQuartersOfABinAfterItsFirst() {
        SampleBin bin = new SampleBin();
        assertFalse(bin.endsBefore(0), "an empty bin takes any sample");
        bin.add(1_000, 0, 0, 1, 0, 0, 0, 0);
        assertFalse(bin.endsBefore(1_030), "30 ms after its first sample: still this bin");
        assertTrue(bin.endsBefore(1_031), "31 ms after: the next bin");
    }

    @Test
    void aBinIsItsSamplesMeanTimeAndMeanReading() {
        SampleBin bin = new SampleBin();
        GravityTracker first = new GravityTracker();
        first.verticalAcceleration(0, 0, 1, 0, 0, 0, 0); // level and at rest: up is +z, 1 g
        for (int i = 0; i < 4; i++) { // 100 Hz: four samples, 1.1 g on average
            bin.add(2_000 + 10 * i, 0, 0, 1.05 + 0.1 * i / 3, 0, 0, 0, 0.01);
        }
        assertEquals(2_015, bin.timeMs());
        GravityTracker same = new GravityTracker();
        same.verticalAcceleration(0, 0, 1, 0, 0, 0, 0);
        double oneReading = same.verticalAcceleration(0, 0, 1.1, 0, 0, 0, 0.04);
        assertEquals(oneReading, bin.verticalAcceleration(first), 1e-9,
                "the bin reads as one sample of its mean, taken over the bin's 40 ms");
        assertEquals(0.1 * 9.80665, oneReading, 0.01);
    }

    @Test
    void aClearedBinStartsAfresh() {
        SampleBin bin = new SampleBin();
        bin.add(0, 5, 5, 5, 100, 100, 100, 0.5);
        bin.clear();
        assertTrue(bin.isEmpty());
        bin.add(500, 0, 0, 1.2, 0, 0, 0, 0.01);
        GravityTracker gravity = new GravityTracker();
        gravity.verticalAcceleration(0, 0, 1, 0, 0, 0, 0);
        assertEquals(500, bin.timeMs());
        assertEquals(0.2 * 9.80665, bin.verticalAcceleration(gravity), 0.01, "nothing of the cleared samples left");
    }
}
