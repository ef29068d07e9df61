package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Acceleration along gravity for a sensor lying still: zero, whatever its first reading was. */
class GravityTrackerTest {
    private static final double RATE_HZ = 50;

    /** Mean vertical acceleration (m/s²) from 5 s to 10 s of a still sensor whose first reading is {@code firstG}. */
    private static double restingAcceleration(double firstG, double scale, long seed) {
        GravityTracker tracker = new GravityTracker();
        Random random = new Random(seed);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < 10 * RATE_HZ; i++) {
            double z = i == 0 ? firstG : scale + 0.01 * random.nextGaussian();
            double a = tracker.verticalAcceleration(0.01 * random.nextGaussian(), 0.01 * random.nextGaussian(), z,
                    0.3 * random.nextGaussian(), 0.3 * random.nextGaussian(), 0.3 * random.nextGaussian(),
                    i == 0 ? 0 : 1 / RATE_HZ);
            if (i >= 5 * RATE_HZ) {
                sum += a;
                n++;
            }
        }
        return sum / n;
    }

    /**
     * The sensor's own 1 g is learned from all still readings, not from the first alone: a first
     * reading 0.03 g off (three times the noise) left 0.23 m/s² in every sample for seconds, which
     * double integration turned into a drifting bar.
     */
    @Test
    void aNoisyFirstReadingLeavesNoOffset() {
        assertEquals(0, restingAcceleration(1.03, 1.0, 1), 0.02);
        assertEquals(0, restingAcceleration(0.97, 1.0, 2), 0.02);
    }

    /** A sensor whose scale is 2 % off reads 1.02 g at rest: that is its 1 g. */
    @Test
    void aScaleErrorIsNoAcceleration() {
        assertEquals(0, restingAcceleration(1.02, 1.02, 3), 0.02);
    }

    /** Picking the sensor up (1.4 g for a moment) does not teach it a new 1 g. */
    @Test
    void aJoltIsNotTheSensorsScale() {
        GravityTracker tracker = new GravityTracker();
        tracker.verticalAcceleration(0, 0, 1, 0, 0, 0, 0);
        for (int i = 0; i < 5; i++) {
            tracker.verticalAcceleration(0, 0, 1.4, 0, 0, 0, 1 / RATE_HZ);
        }
        assertEquals(0, tracker.verticalAcceleration(0, 0, 1, 0, 0, 0, 1 / RATE_HZ), 0.02);
    }
}
