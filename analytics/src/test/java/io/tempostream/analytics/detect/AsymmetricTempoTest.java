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
 * 2-2-4-1), half of it (4-0-2-0) or three times it (1-0-3-0), as `evaluate`'s "Other tempos" table
 * has them: one set of 8 from 5 s of rest at the stream's start, no selection, each rep counted
 * once and ending within 1.5 s of its true end. Each row names what miscounted it:
 * <ul>
 * <li><b>still start</b>: the band-limited travel of the still rest at the stream's start rises at
 * its edge ahead of the set's first rep, and was taken for a rep the stream had cut (9 for 8).</li>
 * <li><b>slow end</b>: a way back that peaks early and ends slowly (fast-start over 4 s) spread its
 * speed's 50 % and 25 % crossings so far apart that the line through them ran 1.7 s on, into the
 * next rep's way out, whose far end was then taken for part of it (7 for 8).</li>
 * <li><b>steady way in</b>: a 4 s way up against a 2 s way down varies 16 times less, a
 * trapezoid's steady middle hardly at all: the look of a step into the next exercise's position,
 * and the first rep was dropped (7 for 8). The forearm tilts on a row's way up, not on a still
 * wrist.</li>
 * <li><b>quick way up</b>: a rep swinging under a tenth of the last rep's is the still wrist's
 * wandering, and a 1 s way out and back swung the half-second means up to six times more or less
 * as its halves filled them or straddled them (7 for 8). The swing is now taken over every
 * alignment.</li>
 * <li><b>window in a drive</b>: inside a set each look starts a period before the last far end,
 * and the travel is integrated from there as if the wrist were still; a period back from a
 * squat's bottom can be in the previous rep's 1 s drive up, and the bent travel shrank the next
 * rep to 0.24 m of 0.6 (7 for 8). A look now starts at the far end before, where the wrist turns.</li>
 * </ul>
 */
class AsymmetricTempoTest {
    private static final long T0 = 1_764_000_000_000L;
    private static final long WITHIN_MS = 1_500;

    @ParameterizedTest(name = "{0}: {1} {2}, {3}, {4} Hz, seed {5}")
    @CsvSource({"still start, DUMBBELL_ROW, 2-1-4-0, MINIMUM_JERK, 25, 180",
            "still start, PENDLAY_ROW, 2-1-4-0, MINIMUM_JERK, 25, 180",
            "still start, DUMBBELL_ROW, 2-1-4-0, TRAPEZOID, 25, 273",
            "still start, DUMBBELL_ROW, 2-1-4-0, SLOW_START, 25, 273",
            "slow end, DUMBBELL_ROW, 2-1-4-0, FAST_START, 25, 180",
            "slow end, PENDLAY_ROW, 2-1-4-0, FAST_START, 25, 149",
            "slow end, DUMBBELL_ROW, 2-1-4-0, FAST_START, 50, 81",
            "steady way in, DUMBBELL_ROW, 4-0-2-0, TRAPEZOID, 25, 25",
            "steady way in, DUMBBELL_ROW, 4-0-2-0, TRAPEZOID, 25, 242",
            "steady way in, PENDLAY_ROW, 4-0-2-0, TRAPEZOID, 25, 25",
            "steady way in, DUMBBELL_ROW, 4-0-2-0, HALF_COSINE, 25, 211",
            "quick way up, SQUAT, 1-0-3-0, TRAPEZOID, 25, 25",
            "window in a drive, SQUAT, 1-0-3-0, FAST_START, 50, 205",
            "window in a drive, SQUAT, 1-0-3-0, FAST_START, 25, 25"})
    void eachRepIsCountedOnce(String cause, Exercise exercise, String tempo, SpeedCurve curve, double rateHz, long seed) {
        SetScript set = SetScript.of(exercise, 8, tempo, 90_000).moving(curve, true);
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, rateHz, 10, 5_000,
                List.of(set)), T0, seed);

        assertCountedRepByRep(Placement.WRIST, device, WITHIN_MS);
    }
}
