package io.tempostream.analytics.detect;

import static io.tempostream.analytics.TimeAsserts.assertWithinMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.SpeedCurve;
import io.tempostream.simulator.WorkoutOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feedback the moment a rep's eccentric ends: the engine offers the rep before its bottom pause
 * is known, and the final rep that follows is the same rep (start, number, phases) with its
 * pause. Unless the exercise is selected, a wrist set's first rep is offered alone only when it
 * comes from rest; else it comes with the set's confirmation.
 */
class ProvisionalRepTest {
    private static final long T0 = 1_764_000_000_000L;

    @ParameterizedTest(name = "{0} {1} from the {2} at {3} Hz")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, BACK, 100", "DUMBBELL_ROW, 2-1-2-1, BACK, 50", "FACE_PULL, 2-1-2-0, BACK, 50",
        "FACE_PULL, 3-1-3-0, WRIST, 100", "PRONE_Y_RAISE, 2-1-2-0, WRIST, 50"})
    void eachRepIsOfferedAsItsEccentricEndsAndItsFinalSelfMatches(Exercise exercise, String tempo, Placement placement,
            double rateHz) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", placement, rateHz, 10, 5_000,
                List.of(SetScript.of(exercise, 8, tempo, 20_000), SetScript.of(exercise, 6, tempo, 10_000))), T0, 7);
        Recording r = device.toRecording();
        Fed fed = feed(RepDetectors.forPlacement(placement, "a", "d"), r);
        Map<Long, Rep> provisional = fed.offered();
        Map<Long, Long> offeredAtMs = fed.offeredAtMs();
        List<Rep> finals = fed.finals();

        assertEquals(device.reps().size(), finals.size(), "final reps");
        assertEquals(finals.size(), provisional.size(), "reps offered before their final");
        for (Rep f : finals) {
            Rep p = provisional.get(f.startMs());
            String what = "set " + f.set() + " rep " + f.rep();
            assertNotNull(p, what + " was offered");
            assertEquals(f.set(), p.set(), what);
            assertEquals(f.rep(), p.rep(), what);
            assertEquals(f.concentricMs(), p.concentricMs(), what);
            assertEquals(f.peakHoldMs(), p.peakHoldMs(), what);
            // The final may move the way back's end by up to half a direct turn's gap: where the
            // next rep turns straight out of it, the two share the turn (RepAssembler.DIRECT_TURN_MS).
            long turn = RepAssembler.DIRECT_TURN_MS / 2;
            assertEquals(f.eccentricMs(), p.eccentricMs(), turn, what);
            assertEquals(0, p.bottomPauseMs(), what);
            assertEquals(f.endMs() - f.bottomPauseMs(), p.endMs(), turn, what);
            assertEquals(f.romDeg(), p.romDeg(), 1e-9, what);
            RepTruth truth = device.reps().stream().min((a, b) -> Long.compare(Math.abs(a.startMs() - f.startMs()),
                    Math.abs(b.startMs() - f.startMs()))).orElseThrow();
            long eccentricEnd = truth.endMs() - truth.bottomPauseMs();
            long delay = offeredAtMs.get(f.startMs()) - eccentricEnd;
            assertTrue(delay <= 600, what + " offered " + delay + " ms after its eccentric ended");
        }
    }

    /**
     * Without a selection, a rep found by vertical travel is offered once the wrist is back at the
     * resting end, a set's first rep too when it comes from rest (here 5 s still before the first
     * set, 30 s before the second): every rep of both sets offered within a second of its return,
     * the way back timed within a second, and confirmed by its final self with the same set, number
     * and start. Before, a set's first three waited for its fourth far end (15–21 s). At 2-0-2-0 a
     * set's first rep came 1.2–1.8 s after its return: the still wrist's travel, band-limited, dips
     * slowly 8 s before a quick rep's top, and that dip, taken as where the rep set off, made its
     * way out too long for a rep; the rep's rest is now looked for in the 6 s a way out may take.
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, 50", "DUMBBELL_ROW, 2-1-2-0, 100", "SQUAT, 2-1-2-0, 50", "PENDLAY_ROW, 2-1-2-1, 100",
            "DUMBBELL_ROW, 2-0-2-0, 50", "SQUAT, 2-0-2-0, 100", "PENDLAY_ROW, 2-0-2-0, 50"})
    void repsFoundByTravelAreOfferedAtTheirReturnASetsFirstFromRestIncluded(Exercise exercise, String tempo, double rateHz) {
        SimulatedDevice device = twoWristSets(exercise, tempo, rateHz, 5_000);
        Fed fed = feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording());

        assertEveryRepOfferedAtItsReturn(device, fed);
        for (int k = 0; k < fed.finals().size(); k++) {
            Rep f = fed.finals().get(k);
            long offeredEndFromTruth = fed.offered().get(f.startMs()).endMs() - returnEnd(device.reps().get(k));
            assertTrue(Math.abs(offeredEndFromTruth) <= 1_000,
                    "set " + f.set() + " rep " + f.rep() + " offered ending " + offeredEndFromTruth + " ms from its true return");
        }
    }

    /**
     * Without a selection, a set's first rep offered alone must have come from rest, and the
     * engine measures that on the 3 s before it. A recording that starts 2 s before a row set
     * shows too little: the row's top hold, its way down and the next way up were offered as a rep
     * to the bottom and back. That offer must not decide the set's side: the set, read as a whole,
     * turns first at the top, so the offer is taken back before the set starts, and every rep is
     * measured from the bottom. Without that check (while this was built), 6 of these 10 row
     * sequences and all 10 squat ones were measured from the wrong end, every rep starting 2.4–3.9 s
     * late; locking the set on the lone rep's two far ends, one row sequence counted 15 for 14.
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, 50", "SQUAT, 3-1-3-0, 50"})
    void withoutASelectionARepOfferedOnTheWrongSideDoesNotDecideTheSets(Exercise exercise, String tempo, double rateHz) {
        for (int seed = 0; seed < 10; seed++) {
            SimulatedDevice device = twoWristSets(exercise, tempo, rateHz, 2_000, seed);
            Fed fed = feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording());

            assertEquals(device.reps().size(), fed.finals().size(), "seed " + seed + ": final reps");
            for (int k = 0; k < fed.finals().size(); k++) {
                Rep f = fed.finals().get(k);
                assertWithinMs(device.reps().get(k).startMs(), f.startMs(), 400,
                        "seed " + seed + ": set " + f.set() + " rep " + f.rep() + " start");
            }
        }
    }

    /**
     * Without a selection, a face pull or a Y-raise moves the wrist up and back as a rep does, but
     * the forearm turns: the travel detector's lone first rep is taken back before it is shown, and
     * every rep shown is confirmed by the rotation detector's final one (without that look, while
     * this was built, each simulated Y-raise set's first rep was shown by travel and never confirmed).
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz")
    @CsvSource({"FACE_PULL, 3-1-3-0, 100", "PRONE_Y_RAISE, 2-1-2-0, 50"})
    void withoutASelectionARotationSetsFirstRepIsNotOfferedByTravel(Exercise exercise, String tempo, double rateHz) {
        SimulatedDevice device = twoWristSets(exercise, tempo, rateHz, 5_000);
        Fed fed = feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording());

        assertEquals(device.reps().size(), fed.finals().size(), "final reps");
        assertEquals(fed.offered().keySet().stream().sorted().toList(),
                fed.finals().stream().map(Rep::startMs).filter(fed.offered()::containsKey).sorted().toList(),
                "every offered rep confirmed by a final one with its start");
    }

    /**
     * Without a selection, a wrist rotation set's first rep is offered alone as the second rep sets
     * off, when it came from rest (5 s still before the first set, 30 s before the second) and
     * turned the forearm as a pull or a raise does: every rep of both sets offered within a second
     * of its return and confirmed by its final self. Before, a set's first rep waited for its
     * second rep's offer (5–7 s after its return). With a bottom pause the wait is the pause and
     * the second rep's first moment (a 1 s pause: 1.2 s, docs/accuracy.md), so these tempos have none.
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz")
    @CsvSource({"FACE_PULL, 3-1-3-0, 100", "FACE_PULL, 2-2-2-0, 50", "PRONE_Y_RAISE, 2-1-2-0, 50", "PRONE_Y_RAISE, 3-1-3-0, 100"})
    void withoutASelectionARotationSetsFirstRepFromRestIsOfferedAtItsReturn(Exercise exercise, String tempo, double rateHz) {
        SimulatedDevice device = twoWristSets(exercise, tempo, rateHz, 5_000);
        assertEveryRepOfferedAtItsReturn(device, feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording()));
    }

    /**
     * ... but with less than 3 s of the wrist at rest in view before it (the recording starts 1 s
     * before the set), the first set's first rep is not offered alone: it comes with the set's
     * confirmation by its second rep. The second set, after 30 s of rest, is offered from its first.
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz")
    @CsvSource({"FACE_PULL, 3-1-3-0, 50", "PRONE_Y_RAISE, 2-1-2-0, 100"})
    void withoutASelectionARotationSetsFirstRepWithoutRestInViewWaitsForTheSet(Exercise exercise, String tempo, double rateHz) {
        SimulatedDevice device = twoWristSets(exercise, tempo, rateHz, 1_000);
        Fed fed = feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording());

        assertEquals(device.reps().size(), fed.finals().size(), "final reps");
        Rep first = fed.finals().get(0);
        Long offeredAt = fed.offeredAtMs().get(first.startMs());
        long secondReturn = returnEnd(device.reps().get(1));
        assertTrue(offeredAt == null || offeredAt >= secondReturn,
                "the first set's first rep offered at " + offeredAt + ", before its second rep's return at " + secondReturn);
        Rep secondSetFirst = fed.finals().get(8);
        assertEquals(1, secondSetFirst.rep(), "the second set's first rep");
        assertNotNull(fed.offered().get(secondSetFirst.startMs()), "the second set's first rep offered");
        assertTrue(fed.finals().stream().map(Rep::startMs).toList().containsAll(fed.offered().keySet()),
                "every offered rep confirmed by a final one with its start");
    }

    /**
     * A travel set switched on 2 s before it: its first rep is not offered alone (no rest in view),
     * and neither is the way down from its first top hold, as a rep to the bottom and back. The
     * stillness before that candidate starts inside the first rep's slowing way up, and read as
     * rest there; judged also over the stretches ending 0.5 and 1 s earlier, it does not. Every
     * offered rep is confirmed by a final one (before: two or three offers taken back per set).
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, 50", "PENDLAY_ROW, 3-1-3-0, 100", "SQUAT, 3-1-3-0, 50", "DUMBBELL_ROW, 2-1-2-0, 100"})
    void withoutASelectionATravelSetSwitchedOnJustBeforeItOffersNoRepItTakesBack(Exercise exercise, String tempo,
            double rateHz) {
        SimulatedDevice device = twoWristSets(exercise, tempo, rateHz, 2_000);
        Fed fed = feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording());

        assertEquals(device.reps().size(), fed.finals().size(), "final reps");
        List<Long> finalStarts = fed.finals().stream().map(Rep::startMs).toList();
        for (Map.Entry<Long, Rep> offer : fed.offered().entrySet()) {
            assertTrue(finalStarts.contains(offer.getKey()), "offered and taken back: " + offer.getValue());
        }
    }

    /**
     * Without a selection, a travel set's first rep after 5–10 s of rest is offered alone within a
     * second of its return, on other speed curves too (human variability). Before, the
     * band-limited travel's dip ahead of the first rep, the wrist still, passed as the way in of a
     * rep to the other side (its twice-integrated noise over 4–6 s reached half the dip) and held
     * the true first rep back 15–22 s; now a way in must also vary as a movement does.
     */
    @ParameterizedTest(name = "{0} {1} at {2} Hz, seed {3}, switched on {4} ms before")
    @CsvSource({"DUMBBELL_ROW, FAST_START, 50, 0, 7000", "SQUAT, HALF_COSINE, 50, 0, 10000",
        "PENDLAY_ROW, SLOW_START, 50, 0, 7000", "DUMBBELL_ROW, TRAPEZOID, 100, 0, 5000"})
    void withoutASelectionATravelSetsFirstRepFromRestIsOfferedAtItsReturnOnOtherSpeedCurves(Exercise exercise,
            SpeedCurve curve, double rateHz, long seed, long switchedOnBeforeMs) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, rateHz, 10, 12_000,
                List.of(SetScript.of(exercise, 6, "3-1-3-0", 30_000).moving(curve, true))), T0, seed);
        assertFirstRepOfferedAtItsReturn(device, switchedOnBeforeMs);
    }

    /**
     * Without a selection, a wrist set whose sensor was switched on 2–3 s before it (the athlete
     * straps on and lifts; the load test's devices start so): its first rep is offered alone within
     * a second of its return, the stillness since the stream's start standing in for the 3 s of
     * rest a lone rep otherwise needs. Before, a travel set's first three reps waited for its
     * rhythm (20, 14 and 7 s), and a rotation set's first rep for its second rep's offer
     * (face pulls and Y-raises: 6.8–7.4 s after its return).
     */
    @ParameterizedTest(name = "{0} {1} at {2} Hz, seed {3}, switched on {4} ms before")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, 100, 0, 2000", "DUMBBELL_ROW, 3-1-3-0, 50, 3, 2000", "PENDLAY_ROW, 2-1-2-0, 100, 1, 2500",
        "SQUAT, 3-1-3-0, 50, 2, 2000", "FACE_PULL, 3-1-3-0, 50, 0, 2000", "FACE_PULL, 2-1-2-0, 100, 1, 3000",
        "PRONE_Y_RAISE, 2-1-2-0, 50, 2, 2000", "PRONE_Y_RAISE, 3-1-3-0, 100, 3, 2500"})
    void withoutASelectionASetSwitchedOnTwoSecondsBeforeItOffersItsFirstRepAtItsReturn(Exercise exercise,
            String tempo, double rateHz, long seed, long switchedOnBeforeMs) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, rateHz, 10, 10_000,
                List.of(SetScript.of(exercise, 8, tempo, 10_000))), T0, seed);
        Fed fed = assertFirstRepOfferedAtItsReturn(device, switchedOnBeforeMs);
        assertEquals(fed.offered().size(), fed.finals().size(), "every offered rep confirmed by a final one");
    }

    /**
     * The device's recording from {@code switchedOnBeforeMs} before its first rep, fed without a
     * selection: every rep found, the first offered within a second of its return.
     */
    private static Fed assertFirstRepOfferedAtItsReturn(SimulatedDevice device, long switchedOnBeforeMs) {
        RepTruth first = device.reps().get(0);
        Fed fed = feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"),
                device.toRecording().between(first.startMs() - switchedOnBeforeMs, Long.MAX_VALUE));

        assertEquals(device.reps().size(), fed.finals().size(), "final reps");
        Long offeredAt = fed.offeredAtMs().get(fed.finals().get(0).startMs());
        assertNotNull(offeredAt, "the first rep was offered");
        assertTrue(offeredAt - returnEnd(first) <= 1_000, "the first rep offered " + (offeredAt - returnEnd(first))
                + " ms after its return ended");
        return fed;
    }

    /**
     * With the exercise selected (the app's selection 4 s before each set), a wrist set's first
     * rep is offered alone at its return, and the set's next reps as inside it: every rep of both
     * sets, first ones included, offered within a second of its return, and confirmed by its
     * final self with the same set, number and start. Before, a travel set's first three waited
     * for its fourth far end (15–21 s), a rotation set's first for its second rep (5–7 s).
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz, selected")
    @CsvSource({"DUMBBELL_ROW, 3-1-3-0, 50", "DUMBBELL_ROW, 2-1-2-0, 100", "SQUAT, 2-1-2-0, 50", "PENDLAY_ROW, 2-1-2-1, 100",
        "FACE_PULL, 3-1-3-0, 100", "PRONE_Y_RAISE, 2-1-2-0, 50"})
    void withTheExerciseSelectedAWristSetsFirstRepIsOfferedAtItsReturn(Exercise exercise, String tempo, double rateHz) {
        SimulatedDevice device = twoWristSets(exercise, tempo, rateHz, 5_000);
        RepDetector detector = RepDetectors.forPlacement(Placement.WRIST, "a", "d");
        device.selections().forEach(detector::select);
        assertEveryRepOfferedAtItsReturn(device, feed(detector, device.toRecording()));
    }

    /**
     * Every rep offered within a second of its return, with the set and number its final self
     * comes with, and every offered rep confirmed by a final one with its start.
     */
    private static void assertEveryRepOfferedAtItsReturn(SimulatedDevice device, Fed fed) {
        List<Rep> finals = fed.finals();
        assertEquals(device.reps().size(), finals.size(), "final reps");
        for (int k = 0; k < finals.size(); k++) {
            Rep f = finals.get(k);
            String what = "set " + f.set() + " rep " + f.rep();
            long returnEnd = returnEnd(device.reps().get(k));
            Rep p = fed.offered().get(f.startMs());
            assertNotNull(p, what + " was offered");
            assertEquals(f.set(), p.set(), what);
            assertEquals(f.rep(), p.rep(), what);
            long delay = fed.offeredAtMs().get(f.startMs()) - returnEnd;
            assertTrue(delay <= 1_000, what + " offered " + delay + " ms after its return ended");
        }
        assertEquals(fed.offered().size(), finals.size(), "every offered rep confirmed by a final one with its start");
    }

    /**
     * Inside a set a rep is offered just after its way back has settled (300 ms of stillness after
     * its end, and 100 ms more), not at the next look of the regular pace, which came up to 250 ms
     * later: the median offer was 402–419 ms after the return on these sets, and is 307–359 ms.
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz, seed {3}")
    @CsvSource({"SQUAT, 2-1-2-0, 50, 0", "SQUAT, 2-1-2-0, 50, 1", "DUMBBELL_ROW, 3-1-3-0, 100, 2"})
    void insideASetARepIsOfferedAsItsWayBackSettles(Exercise exercise, String tempo, double rateHz, long seed) {
        SimulatedDevice device = twoWristSets(exercise, tempo, rateHz, 5_000, seed);
        Fed fed = feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording());

        assertEquals(device.reps().size(), fed.finals().size(), "final reps");
        List<Long> delays = new ArrayList<>();
        for (int k = 0; k < fed.finals().size(); k++) {
            Long offeredAt = fed.offeredAtMs().get(fed.finals().get(k).startMs());
            if (device.reps().get(k).rep() > 1 && offeredAt != null) {
                delays.add(offeredAt - returnEnd(device.reps().get(k)));
            }
        }
        delays.sort(null);
        assertTrue(delays.size() >= 10, "reps offered inside the sets: " + delays);
        assertTrue(delays.get(delays.size() / 2) <= 380, "median offer after the return, ms: " + delays);
    }

    /**
     * Inside a selected set of fast-start rows (speed peaks early, the way back trails off slowly,
     * human variability), each rep's way back is integrated against the acceleration's mean from
     * the last far end to this one, two moments the wrist stands still. Against its mean over the
     * last period up to the look, a stretch that took in the next rep's fast start, the way back's
     * end moved later with each look (21.2 → 22.1 s in 0.4 s) and the offer chased it: p95 1.06 s
     * after the return over these ten sessions, now 0.35 s.
     */
    @Test
    void insideASelectedFastStartSetEachRepIsOfferedAtItsReturn() {
        List<Long> delays = new ArrayList<>();
        for (long seed = 0; seed < 10; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 5_000,
                    List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "3-1-3-0", 90_000).moving(SpeedCurve.FAST_START, true))),
                    T0, 31 * seed + 50);
            RepDetector detector = RepDetectors.forPlacement(Placement.WRIST, "a", "d");
            device.selections().forEach(detector::select);
            Fed fed = feed(detector, device.toRecording());
            assertEquals(device.reps().size(), fed.finals().size(), "seed " + seed + ": final reps");
            for (int k = 0; k < fed.finals().size(); k++) {
                Long offeredAt = fed.offeredAtMs().get(fed.finals().get(k).startMs());
                assertNotNull(offeredAt, "seed " + seed + " rep " + (k + 1) + " offered");
                delays.add(offeredAt - returnEnd(device.reps().get(k)));
            }
        }
        delays.sort(null);
        long p95 = delays.get((int) Math.ceil(0.95 * delays.size()) - 1);
        assertTrue(p95 <= 800, "p95 offer after the return " + p95 + " ms, delays " + delays);
    }

    /**
     * A session as athletes train: three sets of 8, 30 s of rest between them. Whether a lone rep
     * came from rest is judged on the 3 s of stillness before it, against how much its way in
     * varied; by chance, the half-second means of a stillness may agree far more closely than the
     * sensor's noise makes them, and then 4 s of plain noise before a set's first rep passed as a
     * way in 17 times stronger. Such a phantom was offered in these sessions, the set's real reps
     * then waited for it to be taken back (4–20 s late) until stillness was never taken as quieter
     * than its noise. And a set's last rep, slower than the period measured between two far ends
     * that a 1 s hold lets wander (Pendlay rows, seed 0), was looked for only up to one and a half
     * periods after the last, where its travel was still rising: it came with the set's end, 9.6 s
     * after its return.
     */
    @ParameterizedTest(name = "{0} {1} from the wrist at {2} Hz, seed {3}")
    @CsvSource({"SQUAT, 3-1-3-0, 50, 0", "PENDLAY_ROW, 3-1-3-0, 50, 9", "DUMBBELL_ROW, 2-1-2-0, 50, 9",
            "PENDLAY_ROW, 2-1-2-0, 50, 0"})
    void everyRepOfASessionOfThreeSetsIsOfferedAtItsReturn(Exercise exercise, String tempo, double rateHz, long seed) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, rateHz, 10, 6_000,
                List.of(SetScript.of(exercise, 8, tempo, 30_000), SetScript.of(exercise, 8, tempo, 30_000),
                        SetScript.of(exercise, 8, tempo, 10_000))), T0, seed);
        assertEveryRepOfferedAtItsReturn(device, feed(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording()));
    }

    /**
     * With the exercise selected, a set's first rep offered alone lets the set start at its second
     * far end; a far end found before it turned that off and the set waited for four. Band-limited,
     * the still travel shows such a turn in the first bins of a stream or ahead of a set: the third
     * rep of these sets, the first past the two offers the engine holds, came 4.0–5.5 s after its
     * return. A turn with the wrist still from there to the offered rep is no rep.
     */
    @ParameterizedTest(name = "{0} {1} at {2} Hz, seed {3}, selected")
    @CsvSource({"DUMBBELL_ROW, 2-1-2-0, 50, 9", "SQUAT, 2-0-2-0, 100, 5"})
    void aStillTurnBeforeASelectedSetsFirstRepDoesNotHoldItsNextRepsBack(Exercise exercise, String tempo, double rateHz,
            long seed) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, rateHz, 10, 5_000,
                List.of(SetScript.of(exercise, 8, tempo, 90_000))), T0, seed);
        RepDetector detector = RepDetectors.forPlacement(Placement.WRIST, "a", "d");
        device.selections().forEach(detector::select);
        assertEveryRepOfferedAtItsReturn(device, feed(detector, device.toRecording()));
    }

    /**
     * Without a selection a set's first rep found by travel is taken back when the rotation engine
     * contests it (the forearm turned as in a raise). Rows whose forearm turns 70 degrees (the
     * job's session-cluster test): the rotation engine's offer came 50 ms after the travel's, and
     * the rep shown was taken back, its point left in InfluxDB beside the final one. Shown once the
     * rotation engine, with a rep under way, has had 100 ms to contest it: nothing is taken back.
     */
    @Test
    void aFirstRepTheRotationEngineContestsIsNotShownBeforeIt() {
        List<SimulatedDevice> devices = new WorkoutOptions(3, 2, 8,
                TempoPrescription.parse("3-1-2-0.5"), 70, 20_000, 100, 10, 7).simulate(T0);
        for (SimulatedDevice device : devices) {
            LiveReplay.Result result = LiveReplay.replay(RepDetectors.forPlacement(Placement.WRIST, "a", "d"), device.toRecording());
            assertEquals(device.reps().size(), result.reps().size(), "reps");
            assertTrue(result.unconfirmedStartsMs().isEmpty(), "offers taken back at " + result.unconfirmedStartsMs());
        }
    }

    /** A set of 8 and, 30 s later, one of 6, from the wrist, the first after {@code stillMs} at rest. */
    private static SimulatedDevice twoWristSets(Exercise exercise, String tempo, double rateHz, long stillMs) {
        return twoWristSets(exercise, tempo, rateHz, stillMs, 7);
    }

    private static SimulatedDevice twoWristSets(Exercise exercise, String tempo, double rateHz, long stillMs, long seed) {
        return ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, rateHz, 10, stillMs,
                List.of(SetScript.of(exercise, 8, tempo, 30_000), SetScript.of(exercise, 6, tempo, 10_000))), T0, seed);
    }

    /** Where a rep's way back ends: after the eccentric for a pull, after the concentric for a squat. */
    private static long returnEnd(RepTruth truth) {
        return truth.concentricFirst() ? truth.endMs() - truth.bottomPauseMs()
                : truth.startMs() + truth.eccentricMs() + truth.bottomPauseMs() + truth.concentricMs();
    }

    /**
     * What feeding a recording sample by sample showed: the final reps and the sample time each
     * came on (those closed after the recording at its end plus a minute), and each rep as first
     * offered and when (by start time). Checked on every sample: an offer is provisional, comes
     * before its final, and stays the same while it waits.
     */
    private record Fed(List<Rep> finals, List<Long> finalAtMs, Map<Long, Rep> offered, Map<Long, Long> offeredAtMs) {
    }

    private static Fed feed(RepDetector detector, Recording r) {
        Fed fed = new Fed(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        for (int i = 0; i < r.size(); i++) {
            long t = r.timestampsMs()[i];
            detector.accept(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], rep -> {
                fed.finals().add(rep);
                fed.finalAtMs().add(t);
            });
            Rep pending = detector.pendingRep();
            if (pending != null) {
                assertTrue(pending.provisional(), "offered as provisional");
                assertTrue(fed.finals().stream().noneMatch(f -> f.startMs() == pending.startMs()), "offered after its final");
                Rep before = fed.offered().putIfAbsent(pending.startMs(), pending);
                fed.offeredAtMs().putIfAbsent(pending.startMs(), t);
                if (before != null) {
                    assertEquals(before, pending, "the same while it waits");
                }
            }
        }
        long end = r.timestampsMs()[r.size() - 1] + 60_000;
        detector.advanceTo(end, rep -> {
            fed.finals().add(rep);
            fed.finalAtMs().add(end);
        });
        return fed;
    }
}
