package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** How much a stretch of acceleration varies at a movement's pace, and the floor noise sets under stillness. */
class MovementVarianceTest {
    private static final int PER_HALF_SECOND = 13; // 40 ms bins

    @Test
    void aMovementsHalfSecondMeansSwingWhileNoiseAveragesOut() {
        Random random = new Random(1);
        double[] still = new double[150];
        double[] rowing = new double[150];
        for (int j = 0; j < still.length; j++) {
            still[j] = 0.07 * random.nextGaussian();
            rowing[j] = still[j] + 0.2 * Math.sin(2 * Math.PI * j / 75.0); // a 3 s rep's acceleration
        }
        double noise = MovementVariance.of(still, 0, still.length, PER_HALF_SECOND);
        assertEquals(0.07 * 0.07 / PER_HALF_SECOND, noise, 0.0003, "noise alone: its variance over 13 per mean");
        assertTrue(MovementVariance.of(rowing, 0, rowing.length, PER_HALF_SECOND) > 16 * noise);
        assertTrue(MovementVariance.movedBeyondNoise(rowing, 0, rowing.length, PER_HALF_SECOND, 16), "a row moved");
        assertFalse(MovementVariance.movedBeyondNoise(still, 0, still.length, PER_HALF_SECOND, 4), "stillness did not");
    }

    /**
     * A 1 s movement out and back (a quick squat's way up: one sine period of acceleration) whose
     * halves fill two half-seconds swings their means four times as much as when it straddles
     * them, a quarter second later. Over every alignment it swings the same wherever it falls.
     */
    @Test
    void aQuickMovementSwingsAsMuchWhereverItFallsOnTheHalfSeconds() {
        int n = 6 * PER_HALF_SECOND;
        double[] aligned = new double[n];
        double[] straddling = new double[n];
        for (int j = 0; j < 2 * PER_HALF_SECOND; j++) {
            aligned[2 * PER_HALF_SECOND + j] = 0.3 * Math.sin(Math.PI * j / PER_HALF_SECOND);
            straddling[2 * PER_HALF_SECOND + PER_HALF_SECOND / 2 + j] = aligned[2 * PER_HALF_SECOND + j];
        }
        assertTrue(MovementVariance.of(aligned, 0, n, PER_HALF_SECOND)
                > 3 * MovementVariance.of(straddling, 0, n, PER_HALF_SECOND), "the half-seconds' own means");
        double swing = MovementVariance.ofEveryAlignment(aligned, 0, n, PER_HALF_SECOND);
        assertEquals(swing, MovementVariance.ofEveryAlignment(straddling, 0, n, PER_HALF_SECOND), swing / 100,
                "every alignment");
    }

    /**
     * Six half-seconds of stillness whose means happen to agree far more closely than noise makes
     * them: judged by them alone, a later stretch of plain noise looked like a movement. The
     * stillness's variance is then what its noise alone gives the means.
     */
    @Test
    void stillnessIsNeverQuieterThanItsNoise() {
        Random random = new Random(2);
        int n = 6 * PER_HALF_SECOND;
        double[] a = new double[n];
        for (int group = 0; group < 6; group++) {
            double sum = 0;
            for (int j = 0; j < PER_HALF_SECOND; j++) {
                a[group * PER_HALF_SECOND + j] = 0.07 * random.nextGaussian();
                sum += a[group * PER_HALF_SECOND + j];
            }
            for (int j = 0; j < PER_HALF_SECOND; j++) {
                a[group * PER_HALF_SECOND + j] -= sum / PER_HALF_SECOND; // every half-second's mean exactly 0
            }
        }
        assertEquals(0, MovementVariance.of(a, 0, n, PER_HALF_SECOND), 1e-12, "the means agree exactly");
        double floor = MovementVariance.ofStillness(a, 0, n, PER_HALF_SECOND);
        assertEquals(0.07 * 0.07 / PER_HALF_SECOND, floor, 0.00015, "the noise's share of a half-second mean");
    }

    @Test
    void aStillnessThatVariesMoreThanItsNoiseKeepsItsOwnVariance() {
        double[] a = new double[6 * PER_HALF_SECOND];
        for (int j = 0; j < a.length; j++) {
            a[j] = (j / PER_HALF_SECOND) % 2 == 0 ? 0.1 : -0.1; // a slow sway, no sample-to-sample noise
        }
        assertEquals(MovementVariance.of(a, 0, a.length, PER_HALF_SECOND), MovementVariance.ofStillness(a, 0, a.length, PER_HALF_SECOND));
    }
}
