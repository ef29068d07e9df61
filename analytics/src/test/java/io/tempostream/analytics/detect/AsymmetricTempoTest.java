package io.tempostream.analytics.detect;

import static io.tempostream.analytics.detect.CountedRepByRep.assertCountedRepByRep;

import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.SpeedCurve;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wrist rows and squats at tempos whose two ways differ: the way back twice the way out (2-1-4-0,
 * 2-2-4-1), half of it (4-0-2-0) or three times it (1-0-3-0), as `evaluate`'s
 * "Other tempos" table has them: one set of 8 from 5 s of rest at the stream's start, no selection,
 * each rep counted once and ending within 1.5 s of its true end.
 */
class AsymmetricTempoTest {
    private static final long T0 = 1_764_000_000_000L;
    private static final long WITHIN_MS = 1_500;

    /**
     * The band-limited travel of the still rest at the stream's start rises at its edge ahead of the
     * set's first rep, and was taken for a rep the stream had cut: 9 reps for 8.
     */
    @ParameterizedTest(name = "{0} {1}, {2}, {3} Hz, seed {4}")
    @CsvSource({"DUMBBELL_ROW, 2-1-4-0, MINIMUM_JERK, 25, 180", "PENDLAY_ROW, 2-1-4-0, MINIMUM_JERK, 25, 180",
            "DUMBBELL_ROW, 2-1-4-0, TRAPEZOID, 25, 273", "DUMBBELL_ROW, 2-1-4-0, SLOW_START, 25, 273"})
    void theStillRestAtTheStreamsStartIsNoRep(Exercise exercise, String tempo, SpeedCurve curve, double rateHz, long seed) {
        assertCountedRepByRep(Placement.WRIST, set(exercise, tempo, curve, rateHz, seed), WITHIN_MS);
    }

    /**
     * A way back that peaks early and ends slowly (the fast-start curve over 4 s) spreads its speed's
     * 50 % and 25 % crossings so far apart that the line through them ran on past the turn into the
     * next rep's way out: the rep ended 1.7 s late, and the next rep's far end, inside it, was
     * taken for part of it (7 reps for 8).
     */
    @ParameterizedTest(name = "{0} {1}, {2}, {3} Hz, seed {4}")
    @CsvSource({"DUMBBELL_ROW, 2-1-4-0, FAST_START, 25, 180", "PENDLAY_ROW, 2-1-4-0, FAST_START, 25, 149",
            "DUMBBELL_ROW, 2-1-4-0, FAST_START, 50, 81"})
    void aSlowlyEndingWayBackEndsBeforeTheNextRepSetsOff(Exercise exercise, String tempo, SpeedCurve curve, double rateHz,
            long seed) {
        assertCountedRepByRep(Placement.WRIST, set(exercise, tempo, curve, rateHz, seed), WITHIN_MS);
    }

    /**
     * A set's first rep with a 4 s way up and a 2 s way down: its acceleration varies 16 times less
     * on the way in than on the way back, and a steady-speed way in (trapezoid) hardly at all, which
     * is how a step into the next exercise's position looks (the wrist still while the band-limited
     * travel rises, then moving). The first rep was dropped as one (7 reps for 8). The forearm tilts
     * on a row's way up, and does not while the wrist is still.
     */
    @ParameterizedTest(name = "{0} {1}, {2}, {3} Hz, seed {4}")
    @CsvSource({"DUMBBELL_ROW, 4-0-2-0, TRAPEZOID, 25, 25", "DUMBBELL_ROW, 4-0-2-0, TRAPEZOID, 25, 242",
            "PENDLAY_ROW, 4-0-2-0, TRAPEZOID, 25, 25", "DUMBBELL_ROW, 4-0-2-0, HALF_COSINE, 25, 211"})
    void aSlowWayUpThatTiltsTheForearmIsARep(Exercise exercise, String tempo, SpeedCurve curve, double rateHz, long seed) {
        assertCountedRepByRep(Placement.WRIST, set(exercise, tempo, curve, rateHz, seed), WITHIN_MS);
    }

    /**
     * 1-0-3-0 squats: the way up takes a second. Inside a set, a rep that swings under a tenth of
     * what the last rep swung is the still wrist's wandering, and the swing was the variance of the
     * acceleration's half-second means: a 1 s way out and back swings them up to six times more or
     * less as its halves fill the half-seconds or straddle them, and one rep was judged to swing 16
     * times less than the last (7 reps for 8). It is now measured over every alignment.
     */
    @ParameterizedTest(name = "{0} {1}, {2}, {3} Hz, seed {4}")
    @CsvSource({"SQUAT, 1-0-3-0, TRAPEZOID, 25, 25"})
    void aQuickWayUpSwingsLikeTheLastRepsWhereverItFalls(Exercise exercise, String tempo, SpeedCurve curve,
            double rateHz, long seed) {
        assertCountedRepByRep(Placement.WRIST, set(exercise, tempo, curve, rateHz, seed), WITHIN_MS);
    }

    private static SimulatedDevice set(Exercise exercise, String tempo, SpeedCurve curve, double rateHz, long seed) {
        SetScript set = SetScript.of(exercise, 8, tempo, 90_000).moving(curve, true);
        return ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, rateHz, 10, 5_000, List.of(set)),
                T0, seed);
    }
}
