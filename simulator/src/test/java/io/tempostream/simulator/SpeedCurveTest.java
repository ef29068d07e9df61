package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeedCurveTest {
    private static final double DS = 1e-4;

    private static double speed(SpeedCurve curve, double s) {
        return (curve.progress(Math.min(1, s + DS)) - curve.progress(Math.max(0, s - DS))) / (Math.min(1, s + DS) - Math.max(0, s - DS));
    }

    /** Where in the phase the speed peaks. */
    private static double peakAt(SpeedCurve curve) {
        double best = 0;
        for (double s = 0; s <= 1; s += 0.001) {
            if (speed(curve, s) > speed(curve, best)) {
                best = s;
            }
        }
        return best;
    }

    @Test
    void everyCurveGoesFromStartToEndRisingWithNoSpeedAtEitherEnd() {
        for (SpeedCurve curve : SpeedCurve.values()) {
            assertEquals(0, curve.progress(0), 1e-12, curve.name());
            assertEquals(1, curve.progress(1), 1e-12, curve.name());
            for (double s = 0.001; s <= 1; s += 0.001) {
                assertTrue(curve.progress(s) >= curve.progress(s - 0.001) - 1e-12, curve + " rises at " + s);
            }
            assertTrue(speed(curve, 0.0) < 0.05 && speed(curve, 1.0) < 0.05, curve + " starts and stops still");
        }
    }

    @Test
    void theFamiliesAreShapedDifferently() {
        assertEquals(0.5, peakAt(SpeedCurve.MINIMUM_JERK), 0.01);
        assertEquals(0.375, peakAt(SpeedCurve.FAST_START), 0.01, "fast start peaks early: " + peakAt(SpeedCurve.FAST_START));
        assertEquals(0.625, peakAt(SpeedCurve.SLOW_START), 0.01, "slow start peaks late: " + peakAt(SpeedCurve.SLOW_START));
        // A steady middle: the same speed from a fifth to four fifths of the phase.
        assertEquals(speed(SpeedCurve.TRAPEZOID, 0.3), speed(SpeedCurve.TRAPEZOID, 0.7), 1e-6);
        assertEquals(1.25, speed(SpeedCurve.TRAPEZOID, 0.5), 1e-3);
        // Minimum jerk leaves the start more slowly than a half cosine: a speed threshold cuts more.
        assertTrue(SpeedCurve.MINIMUM_JERK.progress(0.1) < SpeedCurve.HALF_COSINE.progress(0.1));
    }

    @Test
    void aSessionScriptNamesTheCurve() {
        assertEquals(SpeedCurve.MINIMUM_JERK, SpeedCurve.fromScriptName("minimum-jerk"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpeedCurve.fromScriptName("bell"));
        assertTrue(e.getMessage().startsWith("speedCurve must be one of [half-cosine,") && e.getMessage().endsWith("got 'bell'"),
                e.getMessage());
    }

    /** The half-cosine set without human variability is the simulator as it was: same seed, same samples. */
    @Test
    void theDefaultCurveLeavesEarlierSimulationsUnchanged() {
        SetScript plain = SetScript.of(Exercise.FACE_PULL, 3, "2-1-2-0", 5_000);
        SimulatedDevice a = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 2_000,
                List.of(plain)), 1_764_000_000_000L, 7);
        SimulatedDevice b = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 2_000,
                List.of(plain.moving(SpeedCurve.HALF_COSINE, false))), 1_764_000_000_000L, 7);
        assertEquals(a.reps(), b.reps());
        SimulatedDevice jerk = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 2_000,
                List.of(plain.moving(SpeedCurve.MINIMUM_JERK, true))), 1_764_000_000_000L, 7);
        assertEquals(3, jerk.reps().size());
        assertTrue(!java.util.Arrays.equals(a.toRecording().gx(), jerk.toRecording().gx()), "another curve, other samples");
    }
}
