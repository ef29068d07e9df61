package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The phase of the rep under way, as the engine sees it sample by sample: in the middle of each
 * of a rep's phases (after the reps before the engine knows a set has begun) it names that phase, with a start near the true one and the rep's earlier phases
 * counted; at rest after the set, none.
 */
class LivePhaseTest {
    private static final long T0 = 1_764_000_000_000L;
    /** The segmenter classifies a smoothing window behind the samples, and phase edges are soft. */
    private static final long START_TOLERANCE_MS = 400;

    /**
     * Over ten sessions a cell, asked a little after the middle of each phase of every rep (but a
     * wrist set's first two, before the engine knows the set, and its last): the phase named, since
     * within {@link #START_TOLERANCE_MS} of its true start and the way out counted within twice that,
     * at every moment, but for travel sets that rest at their resting end (their way back slows
     * into the rest, and where it ends is read from the speed): there at {@code minRight} of
     * moments or more; a phase named more than a second off its start (read from the speed's drift,
     * as a squat's way down 1.3 s early) at most 5 % of moments. Measured: 3-1-3-1 wrist rows 98 of
     * 120 right, 5 over a second off; 3-1-2-1 wrist squats 118 of 120, none. Before an offered
     * rep's live phase took the acceleration's offset from the far end before to its own where the
     * set rests, those rows gave 94 of 120 (8 over a second off), and with only the in-set offer's
     * way back changed, 88. This test once asked seed 11 alone, and passed there by chance.
     */
    @ParameterizedTest(name = "{0} {1} from the {2}")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-1, BACK, 1", "FACE_PULL, 2-2-2-1, BACK, 1", "PRONE_Y_RAISE, 2-1-2-1, WRIST, 1",
        "SQUAT, 3-1-2-1, BACK, 1", "DUMBBELL_ROW, 3-1-3-1, WRIST, 0.8", "DUMBBELL_ROW, 2-1-2-1, WRIST, 1",
        "PENDLAY_ROW, 2-2-2-1, WRIST, 1", "SQUAT, 3-1-2-1, WRIST, 0.95", "SQUAT, 2-1-2-1, WRIST, 1"})
    void namesThePhaseUnderWayAndSinceWhen(Exercise exercise, String tempo, Placement placement, double minRight) {
        int checked = 0;
        int right = 0;
        int farOff = 0;
        StringBuilder wrong = new StringBuilder();
        for (long seed = 0; seed < 10; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", placement, 50, 10, 5_000,
                    List.of(SetScript.of(exercise, 6, tempo, 20_000))), T0, seed);
            Recording r = device.toRecording();
            // From the back, a squat's phase order comes from the exercise (its first movement is down).
            RepDetector detector = RepDetectors.forPlacement(placement,
                    ExerciseHint.fromCliName(exercise.scriptName()), "a", "d");
            List<RepTruth> reps = device.reps();
            int sample = 0;
            // A wrist rotation set is the engine's once its second rep confirms it.
            int first = placement == Placement.WRIST ? 2 : 1;
            // Not the last rep: there the engine's own final rep merges a squat's bottom pause into the
            // way up (1 ms of 1 s, also after the fact), which is its accuracy, not its live view.
            for (int k = first; k < reps.size() - 1; k++) {
                RepTruth rep = reps.get(k);
                long[][] phases = phases(rep); // {start, end} of each phase in the order performed
                RepPhase[] names = names(rep);
                for (int p = 0; p < 4; p++) {
                    long mid = (phases[p][0] + phases[p][1]) / 2;
                    // The engine decides a sample a smoothing window late: ask a little after the middle.
                    long askAt = mid + 250;
                    while (sample < r.size() && r.timestampsMs()[sample] <= askAt) {
                        detector.accept(r.timestampsMs()[sample], r.ax()[sample], r.ay()[sample], r.az()[sample],
                                r.gx()[sample], r.gy()[sample], r.gz()[sample], x -> { });
                        sample++;
                    }
                    String what = "seed " + seed + " rep " + rep.rep() + " at the middle of its " + names[p];
                    LivePhase live = detector.livePhase();
                    checked++;
                    if (live == null || live.phase() != names[p]) {
                        wrong.append(String.format("%n  %s: %s", what, live == null ? "none" : live.phase()));
                        continue;
                    }
                    assertTrue(live.elapsedMs() >= 0 && live.atMs() <= askAt, what + ": elapsed " + live.elapsedMs());
                    long offMs = live.sinceMs() - phases[p][0];
                    long outSoFar = rep.concentricFirst() ? live.concentricMs() : live.eccentricMs();
                    boolean outCounted = p == 0
                            || Math.abs(outSoFar - (phases[0][1] - phases[0][0])) <= 2 * START_TOLERANCE_MS;
                    if (Math.abs(offMs) <= START_TOLERANCE_MS && outCounted) {
                        right++;
                    } else {
                        wrong.append(String.format("%n  %s: since %+d ms, the way out %d ms", what, offMs, outSoFar));
                    }
                    if (Math.abs(offMs) > 1_000) {
                        farOff++;
                    }
                }
            }
            for (; sample < r.size(); sample++) {
                detector.accept(r.timestampsMs()[sample], r.ax()[sample], r.ay()[sample], r.az()[sample],
                        r.gx()[sample], r.gy()[sample], r.gz()[sample], x -> { });
            }
            assertNull(detector.livePhase(), "seed " + seed + ": at rest after the set");
        }
        assertEquals(10 * 4 * (6 - 1 - (placement == Placement.WRIST ? 2 : 1)), checked);
        assertTrue(right >= minRight * checked, right + " of " + checked + " right; the others:" + wrong);
        assertTrue(farOff <= 0.05 * checked, farOff + " of " + checked + " over a second off:" + wrong);
    }

    /**
     * Without a selection a travel set's first reps are offered one by one, each alone, and the set
     * is final only with its third: the athlete sees those reps, so the live phase names the phases
     * between them too. Asked every 250 ms from the set's second rep to its first final rep, it
     * names the true phase at most moments (phase edges are soft: it decides a few bins late).
     */
    @ParameterizedTest(name = "{0} {1} from the wrist, unselected")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-1", "PENDLAY_ROW, 2-2-2-1", "SQUAT, 3-1-2-1", "DUMBBELL_ROW, 2-1-2-1"})
    void namesThePhaseWhileAnUnselectedSetsFirstRepsAreOnOffer(Exercise exercise, String tempo) {
        for (int seed = 0; seed < 4; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 5_000,
                    List.of(SetScript.of(exercise, 6, tempo, 20_000))), T0, seed);
            Asked asked = ask(device, RepDetectors.forPlacement(Placement.WRIST, "a", "d"), 1, true);
            String what = exercise + " " + tempo + " seed " + seed;
            assertTrue(asked.moments() >= 40, what + ": the set final after " + asked.moments() + " moments");
            assertTrue(asked.named() >= 0.7 * asked.moments(), what + ": the true phase at " + asked);
        }
    }

    /**
     * Reps that turn straight round at the bottom (2-0-2-0) have no pause to rest in: a way out
     * straight from the way back is the next rep, not the way back's drift, once the set's reps
     * show they do not rest. Asked every 250 ms from the set's third rep to its end, the true phase
     * at most moments, selected or not (65–73 % over four seeds; 29–43 % when a way out straight
     * from the way back had to be half as fast again as any other).
     */
    @ParameterizedTest(name = "{0} 2-0-2-0 from the wrist, selected {1}")
    @CsvSource({"DUMBBELL_ROW, true", "DUMBBELL_ROW, false", "SQUAT, true", "SQUAT, false"})
    void namesThePhaseOfRepsThatTurnStraightRound(Exercise exercise, boolean selected) {
        StringBuilder shares = new StringBuilder();
        int allMoments = 0;
        int allNamed = 0;
        for (int seed = 0; seed < 4; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 5_000,
                    List.of(SetScript.of(exercise, 8, "2-0-2-0", 20_000))), T0, seed);
            RepDetector detector = selected
                    ? RepDetectors.forPlacement(Placement.WRIST, ExerciseHint.fromCliName(exercise.scriptName()), "a", "d")
                    : RepDetectors.forPlacement(Placement.WRIST, "a", "d");
            Asked asked = ask(device, detector, 2, false);
            shares.append(", ").append(asked);
            allMoments += asked.moments();
            allNamed += asked.named();
        }
        // Phase edges are soft (each read a few bins late), and the integrated speed drifts.
        assertTrue(allNamed >= 0.55 * allMoments, exercise + ", four seeds: the true phase at" + shares.substring(1));
    }

    /** How many of the moments asked the live phase named the true phase at. */
    /**
     * Slow-start 2-0-2-0 squats (human variability, selected) set off so slowly that their reps
     * seem to rest a little at the top. An offered rep's live phase takes the acceleration's offset
     * from the far end before to its own only where the set clearly rests (its last final rep
     * paused half a second or more): taken wherever it seemed to rest, it named the true phase at
     * 514 of 955 moments over ten seeds (54 %; 34 % at seed 2); now 564 (59 %), as before that offset.
     */
    @Test
    void namesThePhaseOfSlowStartRepsThatTurnStraightRound() {
        int allMoments = 0;
        int allNamed = 0;
        StringBuilder shares = new StringBuilder();
        for (int seed = 0; seed < 10; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 5_000,
                    List.of(SetScript.of(Exercise.SQUAT, 8, "2-0-2-0", 20_000).moving(SpeedCurve.SLOW_START, true))),
                    T0, seed);
            RepDetector detector = RepDetectors.forPlacement(Placement.WRIST,
                    ExerciseHint.fromCliName(Exercise.SQUAT.scriptName()), "a", "d");
            Asked asked = ask(device, detector, 2, false);
            shares.append(", ").append(asked);
            allMoments += asked.moments();
            allNamed += asked.named();
        }
        assertTrue(allNamed >= 0.56 * allMoments, "ten seeds: the true phase at" + shares.substring(1));
    }

    private record Asked(int moments, int named) {
        @Override
        public String toString() {
            return named + " of " + moments + " moments";
        }
    }

    /**
     * Feeds the device's samples and asks the live phase every 250 ms of sensor time, as the job
     * asks it, from rep {@code fromRep}'s start to the last rep's end, or with {@code untilSetFinal}
     * only until the first final rep (the set is then known).
     */
    private static Asked ask(SimulatedDevice device, RepDetector detector, int fromRep, boolean untilSetFinal) {
        Recording r = device.toRecording();
        List<RepTruth> reps = device.reps();
        long askMs = reps.get(fromRep).startMs();
        long untilMs = reps.get(reps.size() - 1).endMs();
        boolean[] setFinal = {false};
        int moments = 0;
        int named = 0;
        for (int i = 0; i < r.size() && r.timestampsMs()[i] < untilMs; i++) {
            long t = r.timestampsMs()[i];
            detector.accept(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], rep -> setFinal[0] = true);
            if (untilSetFinal && setFinal[0]) {
                break;
            }
            if (t >= askMs) {
                askMs += 250;
                LivePhase live = detector.livePhase();
                moments++;
                named += live != null && live.phase() == phaseAt(reps, t) ? 1 : 0;
            }
        }
        return new Asked(moments, named);
    }

    /** The phase the simulated athlete is in at {@code tMs}, null between reps. */
    private static RepPhase phaseAt(List<RepTruth> reps, long tMs) {
        for (RepTruth rep : reps) {
            long[][] phases = phases(rep);
            for (int p = 0; p < 4; p++) {
                if (tMs >= phases[p][0] && tMs < phases[p][1]) {
                    return names(rep)[p];
                }
            }
        }
        return null;
    }

    private static RepPhase[] names(RepTruth rep) {
        return rep.concentricFirst()
                ? new RepPhase[] {RepPhase.CONCENTRIC, RepPhase.TOP_HOLD, RepPhase.ECCENTRIC, RepPhase.BOTTOM_PAUSE}
                : new RepPhase[] {RepPhase.ECCENTRIC, RepPhase.BOTTOM_PAUSE, RepPhase.CONCENTRIC, RepPhase.TOP_HOLD};
    }

    private static long[][] phases(RepTruth rep) {
        long[] lengths = rep.phaseLengthsInOrderMs();
        long[][] out = new long[4][2];
        long t = rep.startMs();
        for (int p = 0; p < 4; p++) {
            out[p][0] = t;
            t += lengths[p];
            out[p][1] = t;
        }
        return out;
    }
}
