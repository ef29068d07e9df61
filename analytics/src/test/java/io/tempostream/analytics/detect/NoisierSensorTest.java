package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.SpeedCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A noisier wrist sensor (0.02 g more on each accelerometer axis, as in `evaluate`'s table of other
 * sensors): three sets of 8 with 30 s of rest, no selection. Twice integrated, that noise wanders
 * the still wrist's travel by 14 cm over the 10 s after a set of 30 cm rows, and the set's end took
 * the wandering as one more rep (25 or 26 reps for 24). A rep well short of the set's travel that
 * moved no more than the noise is not counted.
 */
class NoisierSensorTest {
    private static final long T0 = 1_764_000_000_000L;

    @ParameterizedTest(name = "{0} {1} at {2} Hz, seed {3}")
    @CsvSource({"DUMBBELL_ROW, 2-0-2-0, 50, 2", "DUMBBELL_ROW, 2-0-2-0, 50, 6", "PENDLAY_ROW, 3-1-3-0, 50, 9"})
    void theWristsWanderingAfterASetIsNoRep(Exercise exercise, String tempo, double rateHz, long seed) {
        List<SetScript> sets = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            sets.add(SetScript.of(exercise, 8, tempo, 30_000).moving(SpeedCurve.HALF_COSINE, true));
        }
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, rateHz, 10, 6_000,
                sets), T0, seed);
        Recording noisier = device.toRecording().withAccelerometerNoise(0.02, new Random(seed * 31 + 7));

        LiveReplay.Result result = LiveReplay.replay(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), noisier);

        assertEquals(device.reps().size(), result.reps().size(), "reps counted");
    }

    /**
     * At 25 Hz the still wrist's wandering in the 30 s between sets came to far ends of 9–14 cm,
     * a third of the set's rows, moving no more than the noise: found only once the set was over,
     * they were no set's reps and every set's (the first of them within a set gap of the set's last
     * rep, the next one a gap later), and the next set's reps joined them: 19 reps in one set for 8
     * and 8. A rep well short of the last rep's travel that moved no more than the noise is not
     * counted, first of a set or not. (Dumbbell rows at 2-0-2-0, seed 1, were a third case until
     * 2026-12-06: their first set's 8 were read from its resting end, each rep 2 s off its truth;
     * read from its far end since its first rep offered alone settles that, it lost that first rep
     * and counts 7, docs/accuracy.md.)
     */
    @ParameterizedTest(name = "{0} {1} at 25 Hz, seed {2}")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, 3", "PENDLAY_ROW, 3-1-3-0, 3"})
    void theWanderingBetweenSetsJoinsNoSets(Exercise exercise, String tempo, long seed) {
        List<SetScript> sets = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            sets.add(SetScript.of(exercise, 8, tempo, 30_000).moving(SpeedCurve.HALF_COSINE, true));
        }
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 25, 10, 6_000,
                sets), T0, seed);
        Recording noisier = device.toRecording().withAccelerometerNoise(0.02, new Random(seed * 31 + 7));

        List<Rep> reps = RepDetectors.forPlacement(Placement.WRIST, "a", "d").detectAll(noisier);

        assertEquals(3, reps.stream().mapToInt(Rep::set).distinct().count(), "sets");
        assertEquals(8, reps.stream().filter(r -> r.set() == reps.get(0).set()).count(), "reps in the first set");
    }

    /**
     * At 25 Hz that noise's wandering in the rest before a set made a turn ahead of the set's first,
     * and a set starts at its first turn: squats were read from the top (each rep's end half a
     * rep late, so none of the set's 8 ended within a second of a true one). The set's first far end is the
     * first turn the wrist moved into. Every rep is found, each ending within 1 s of its true end.
     */
    @ParameterizedTest(name = "squats 3-1-3-0 at 25 Hz, seed {0}")
    @CsvSource({"5", "6", "7", "8", "9"})
    void aSetIsReadFromItsRestingEndThoughTheRestBeforeWanders(long seed) {
        List<SetScript> sets = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            sets.add(SetScript.of(Exercise.SQUAT, 8, "3-1-3-0", 30_000).moving(SpeedCurve.HALF_COSINE, true));
        }
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 25, 10, 6_000,
                sets), T0, seed);
        Recording noisier = device.toRecording().withAccelerometerNoise(0.02, new Random(seed * 31 + 7));

        List<Rep> reps = RepDetectors.forPlacement(Placement.WRIST, "a", "d").detectAll(noisier);

        assertEquals(device.reps().size(), reps.size(), "reps counted");
        for (RepTruth truth : device.reps()) {
            long nearest = reps.stream().mapToLong(r -> Math.abs(r.endMs() - truth.endMs())).min().orElseThrow();
            assertTrue(nearest <= 1_000, "set " + truth.set() + " rep " + truth.rep() + ": nearest end " + nearest + " ms off");
        }
    }

    /**
     * A set's first rep offered alone (it came from rest, went out and back) settles which kind of
     * turn the set's far ends are. With 0.02 g more noise the rest's wandering passed the "moved
     * into" test now and then, the set's first bottom won, and the set was read from its resting
     * end: each rep half a period off, 8 of 24 not found (`evaluate`'s "other sensors" table, these
     * sessions). The offer counted only where the set's first turn was none the wrist moved into;
     * at 25 Hz the set was read from its wrong end under an offer on the right side.
     */
    @ParameterizedTest(name = "{0} {1}, {2}, {3} Hz, seed {4}")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, FAST_START, 100, 8", "PENDLAY_ROW, 3-1-3-0, FAST_START, 100, 2",
            "DUMBBELL_ROW, 2-0-2-0, TRAPEZOID, 25, 3", "SQUAT, 3-1-3-0, TRAPEZOID, 25, 5"})
    void theOfferedFirstRepSettlesTheSetsFarEnds(Exercise exercise, String tempo, SpeedCurve curve, double rateHz, long seed) {
        assertEveryRepFoundOnce(session(exercise, tempo, curve, rateHz, seed), seed);
    }

    /**
     * At 25 Hz with 0.02 g more noise a row's way in varied only 10–16 times its rest (a clean
     * sensor's: 25–100), short of the 16 a set's lone first rep needs, so each set's first reps
     * waited for the set to show itself (20–24 s, 14 s, 7 s after their ends). The gyroscope, which
     * that noise does not touch, shows the forearm tilting on the way in: with it, 4 times the
     * rest's variance will do. Every rep is heard of within a second of its end.
     */
    @ParameterizedTest(name = "{0} 3-1-3-0 at 25 Hz, seed {1}")
    @CsvSource({"DUMBBELL_ROW, 0", "PENDLAY_ROW, 6", "SQUAT, 1"})
    void aNoisierSensorsFirstRepIsOfferedAtItsReturn(Exercise exercise, long seed) {
        SimulatedDevice device = session(exercise, "3-1-3-0", SpeedCurve.HALF_COSINE, 25, seed);
        Recording noisier = device.toRecording().withAccelerometerNoise(0.02, new Random(seed * 31 + 7));

        LiveReplay.Result result = LiveReplay.replay(RepDetectors.forPlacement(Placement.WRIST, "sim", "s"), noisier);

        assertEquals(device.reps().size(), result.reps().size(), "reps counted");
        for (RepTruth truth : device.reps()) {
            LiveReplay.TimedRep found = result.reps().stream()
                    .min(java.util.Comparator.comparingLong(r -> Math.abs(r.rep().endMs() - truth.endMs()))).orElseThrow();
            String which = "set " + truth.set() + " rep " + truth.rep();
            assertTrue(Math.abs(found.rep().endMs() - truth.endMs()) <= 1_000, which + ": nearest end "
                    + (found.rep().endMs() - truth.endMs()) + " ms off");
            assertTrue(found.firstKnownAtMs() - truth.endMs() <= 1_000, which + ": heard of "
                    + (found.firstKnownAtMs() - truth.endMs()) + " ms after its end");
        }
    }

    /**
     * At 25 Hz with 0.02 g more noise a row set's first top moved no more than the noise by its
     * acceleration alone, while the rest before the set had wandered into a bottom that did: the
     * set was read from its resting end, each rep half a period off (8 of 24 not found). The
     * gyroscope tells the two apart: the forearm tilts on a row's way up and is still in the rest.
     */
    @ParameterizedTest(name = "{0} 3-1-3-0 at 25 Hz, seed {1}")
    @CsvSource({"DUMBBELL_ROW, 5", "DUMBBELL_ROW, 8", "PENDLAY_ROW, 8"})
    void theGyroscopeTellsARowSetsFirstTopFromTheRestsWandering(Exercise exercise, long seed) {
        List<SetScript> sets = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            sets.add(SetScript.of(exercise, 8, "3-1-3-0", 30_000).moving(SpeedCurve.HALF_COSINE, true));
        }
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 25, 10, 6_000,
                sets), T0, seed);
        Recording noisier = device.toRecording().withAccelerometerNoise(0.02, new Random(seed * 31 + 7));

        List<Rep> reps = RepDetectors.forPlacement(Placement.WRIST, "a", "d").detectAll(noisier);

        assertEquals(device.reps().size(), reps.size(), "reps counted");
        for (RepTruth truth : device.reps()) {
            long nearest = reps.stream().mapToLong(r -> Math.abs(r.endMs() - truth.endMs())).min().orElseThrow();
            assertTrue(nearest <= 1_000, "set " + truth.set() + " rep " + truth.rep() + ": nearest end " + nearest + " ms off");
        }
    }

    /**
     * Once a set is over (no far end for a set gap), the window is read again with no side chosen,
     * and with 0.02 g more noise it could pick the set's resting ends: all but the last were reported
     * far ends already, but the last rep's resting end, just after its return, came out as one more
     * rep of the set (9 in a set of 8; 2-0-2-0 reps, which turn sharply at the resting end). A far end
     * no later than the last rep's return (and a quarter second of the still travel's drift) is that
     * rep's own.
     */
    @ParameterizedTest(name = "{0} {1}, {2}, {3} Hz, seed {4}")
    @CsvSource({"DUMBBELL_ROW, 2-0-2-0, HALF_COSINE, 100, 0", "PENDLAY_ROW, 2-0-2-0, TRAPEZOID, 100, 0",
            "DUMBBELL_ROW, 2-0-2-0, HALF_COSINE, 25, 8"})
    void aSetThatIsOverGainsNoRepFromItsRestingEnd(Exercise exercise, String tempo, SpeedCurve curve, double rateHz,
            long seed) {
        assertEveryRepFoundOnce(session(exercise, tempo, curve, rateHz, seed), seed);
    }

    /**
     * With 0.02 g more noise the still wrist's travel after a set's last rep wandered as far as a
     * rep goes (more than the 60 % of the last rep's travel that lets a short rep count as
     * wandering), and the set ended with one rep too many. Its acceleration's half-second means hardly
     * swung: beyond the noise, no true rep of such sessions swung under 0.25 of the rep before it
     * (median 0.98), this wandering under 0.2, and under a tenth it is no rep.
     */
    @ParameterizedTest(name = "{0} {1}, {2}, {3} Hz, seed {4}")
    @CsvSource({"DUMBBELL_ROW, 2-0-2-0, HALF_COSINE, 50, 5", "DUMBBELL_ROW, 2-0-2-0, FAST_START, 50, 5",
            "SQUAT, 2-0-2-0, TRAPEZOID, 25, 4"})
    void noiseThatWandersARepsTravelIsNoRep(Exercise exercise, String tempo, SpeedCurve curve, double rateHz, long seed) {
        assertEveryRepFoundOnce(session(exercise, tempo, curve, rateHz, seed), seed);
    }

    /**
     * Before any rep, the still rest at the stream's start drifted into a far end (0.02 g more noise,
     * twice integrated), and the first set started with a rep of 4–6 cm that was never done: the
     * yardstick a rep that moved no more than the noise is measured against was the last rep's
     * travel, and before the first there was none. It is now the shortest a rep travels, 8 cm.
     */
    @ParameterizedTest(name = "{0} {1}, {2}, 25 Hz, seed {3}")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, FAST_START, 7", "PENDLAY_ROW, 3-1-3-0, FAST_START, 7",
            "DUMBBELL_ROW, 3-1-3-0, SLOW_START, 7"})
    void theStillRestBeforeTheFirstSetIsNoRep(Exercise exercise, String tempo, SpeedCurve curve, long seed) {
        SimulatedDevice device = session(exercise, tempo, curve, 25, seed);
        Recording noisier = device.toRecording().withAccelerometerNoise(0.02, new Random(seed * 31 + 7));

        LiveReplay.Result result = LiveReplay.replay(RepDetectors.forPlacement(Placement.WRIST, "sim", "s"), noisier);

        assertEquals(device.reps().size(), result.reps().size(), "reps counted");
        long firstOff = result.reps().get(0).rep().endMs() - device.reps().get(0).endMs();
        assertTrue(Math.abs(firstOff) <= 1_000, "the first rep counted ends " + firstOff + " ms from the set's first");
    }

    /** With 0.02 g more noise, as many reps as were done, each ending within 1 s of a true one. */
    private static void assertEveryRepFoundOnce(SimulatedDevice device, long seed) {
        Recording noisier = device.toRecording().withAccelerometerNoise(0.02, new Random(seed * 31 + 7));

        LiveReplay.Result result = LiveReplay.replay(RepDetectors.forPlacement(Placement.WRIST, "sim", "s"), noisier);

        assertEquals(device.reps().size(), result.reps().size(), "reps counted");
        for (RepTruth truth : device.reps()) {
            long nearest = result.reps().stream().mapToLong(r -> Math.abs(r.rep().endMs() - truth.endMs())).min().orElseThrow();
            assertTrue(nearest <= 1_000, "set " + truth.set() + " rep " + truth.rep() + ": nearest end " + nearest + " ms off");
        }
    }

    /** Three sets of 8 on {@code curve} with human variability, 30 s of rest between, 6 s still before. */
    private static SimulatedDevice session(Exercise exercise, String tempo, SpeedCurve curve, double rateHz, long seed) {
        List<SetScript> sets = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            sets.add(SetScript.of(exercise, 8, tempo, 30_000).moving(curve, true));
        }
        return ExerciseSimulator.simulate(new SessionScript("sim", "s", Placement.WRIST, rateHz, 10, 6_000, sets), T0, seed);
    }
}
