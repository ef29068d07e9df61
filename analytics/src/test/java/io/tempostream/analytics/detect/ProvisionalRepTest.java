package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feedback the moment a rep's eccentric ends: the engine offers the rep before its bottom pause
 * is known, and the final rep that follows is the same rep (start, number, phases) with its
 * pause. A wrist rotation set's first two reps come only with the set's confirmation.
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
        RepDetector detector = RepDetectors.forPlacement(placement, "a", "d");
        Map<Long, Rep> provisional = new LinkedHashMap<>();
        Map<Long, Long> offeredAtMs = new LinkedHashMap<>();
        List<Rep> finals = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            long t = r.timestampsMs()[i];
            detector.accept(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], finals::add);
            Rep pending = detector.pendingRep();
            if (pending != null) {
                assertTrue(pending.provisional(), "offered as provisional");
                assertTrue(finals.stream().noneMatch(f -> f.startMs() == pending.startMs()), "offered after its final");
                Rep before = provisional.putIfAbsent(pending.startMs(), pending);
                offeredAtMs.putIfAbsent(pending.startMs(), t);
                if (before != null) {
                    assertEquals(before, pending, "the same while it waits");
                }
            }
        }
        detector.advanceTo(r.timestampsMs()[r.size() - 1] + 60_000, finals::add);

        assertEquals(device.reps().size(), finals.size(), "final reps");
        int firstTwoOfWristSets = placement == Placement.WRIST ? 4 : 0;
        assertEquals(finals.size() - firstTwoOfWristSets, provisional.size(), "reps offered before their final");
        for (Rep f : finals) {
            Rep p = provisional.get(f.startMs());
            if (placement == Placement.WRIST && f.rep() <= 2) {
                assertNull(p, "a wrist set's first two reps wait for the set to be confirmed");
                continue;
            }
            String what = "set " + f.set() + " rep " + f.rep();
            assertNotNull(p, what + " was offered");
            assertEquals(f.set(), p.set(), what);
            assertEquals(f.rep(), p.rep(), what);
            assertEquals(f.concentricMs(), p.concentricMs(), what);
            assertEquals(f.peakHoldMs(), p.peakHoldMs(), what);
            assertEquals(f.eccentricMs(), p.eccentricMs(), what);
            assertEquals(0, p.bottomPauseMs(), what);
            assertEquals(f.endMs() - f.bottomPauseMs(), p.endMs(), what);
            assertEquals(f.romDeg(), p.romDeg(), 1e-9, what);
            RepTruth truth = device.reps().stream().min((a, b) -> Long.compare(Math.abs(a.startMs() - f.startMs()),
                    Math.abs(b.startMs() - f.startMs()))).orElseThrow();
            long eccentricEnd = truth.endMs() - truth.bottomPauseMs();
            long delay = offeredAtMs.get(f.startMs()) - eccentricEnd;
            assertTrue(delay <= 600, what + " offered " + delay + " ms after its eccentric ended");
        }
    }

    @ParameterizedTest(name = "{0} from the wrist")
    @CsvSource({"DUMBBELL_ROW", "SQUAT"})
    void repsFoundByTravelAreNotOffered(Exercise exercise) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(exercise, 8, "2-1-2-0", 10_000))), T0, 3);
        Recording r = device.toRecording();
        RepDetector detector = RepDetectors.forPlacement(Placement.WRIST, "a", "d");
        List<Rep> finals = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            detector.accept(r.timestampsMs()[i], r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], finals::add);
            assertNull(detector.pendingRep(), "nothing offered at " + (r.timestampsMs()[i] - T0) + " ms");
        }
        detector.advanceTo(r.timestampsMs()[r.size() - 1] + 60_000, finals::add);
        assertEquals(8, finals.size(), "the travel detector's reps");
    }
}
