package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exercise topic's selections steer a device's detector from their time on (issue 18, item 5). */
class ExerciseSelectionTest {
    private static final long T0 = 1_764_000_000_000L;

    /**
     * Two sets of squats (eccentric first: 1 s up, 3 s down) from the upper back, the first
     * unannounced, the second selected 4 s before it: the same movements read two ways.
     */
    private static SimulatedDevice twoSetsOfSquats() {
        return ExerciseSimulator.simulate(new SessionScript("a", "back", Placement.BACK, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.SQUAT, 6, "1-0-3-0", 30_000),
                        SetScript.of(Exercise.SQUAT, 6, "1-0-3-0", 10_000))), T0, 4);
    }

    /** The selection of the second set only. */
    private static ExerciseSelection secondSetsSelection(SimulatedDevice device) {
        assertEquals(List.of("squat", "squat"), device.selections().stream().map(ExerciseSelection::exercise).toList());
        return device.selections().get(1);
    }

    /** Reps of set {@code set} whose concentric and eccentric are each within 300 ms of the truth. */
    private static long timedRight(List<Rep> reps, SimulatedDevice device, int set) {
        assertEquals(device.reps().size(), reps.size(), "reps: " + reps);
        long right = 0;
        for (int i = 0; i < reps.size(); i++) {
            var truth = device.reps().get(i);
            if (truth.set() == set && Math.abs(reps.get(i).concentricMs() - truth.concentricMs()) <= 300
                    && Math.abs(reps.get(i).eccentricMs() - truth.eccentricMs()) <= 300) {
                right++;
            }
        }
        return right;
    }

    /**
     * A selection holds from its time on: the set before it is read as the sensor alone reads it
     * (concentric first, the descent taken for the concentric), the set after it eccentric first,
     * as with the exercise given for the whole recording.
     */
    @Test
    void aSelectionHoldsFromItsTimeOn() {
        SimulatedDevice device = twoSetsOfSquats();
        RepDetector selected = RepDetectors.forPlacement(Placement.BACK, "a", "back");
        selected.select(secondSetsSelection(device));
        List<Rep> reps = selected.detectAll(device.toRecording());
        assertEquals(0, timedRight(reps, device, 1), "the first set, before the selection");
        assertEquals(6, timedRight(reps, device, 2), "the second set, after it");

        List<Rep> allAlong = RepDetectors.forPlacement(Placement.BACK, Optional.of(ExerciseHint.SQUAT), "a", "back")
                .detectAll(device.toRecording());
        assertEquals(reps.subList(6, 12), allAlong.subList(6, 12), "the second set as with the hint from the start");
        assertEquals(6, timedRight(allAlong, device, 1), "the first set with the hint from the start");
    }

    /** A selection heard after the samples of its time applies from the next sample: no rep is rewritten. */
    @Test
    void aSelectionHeardLateAppliesFromTheNextSample() {
        SimulatedDevice device = twoSetsOfSquats();
        var recording = device.toRecording();
        RepDetector detector = RepDetectors.forPlacement(Placement.BACK, "a", "back");
        ExerciseSelection squat = secondSetsSelection(device);
        List<Rep> reps = new java.util.ArrayList<>();
        for (int i = 0; i < recording.size(); i++) {
            long t = recording.timestampsMs()[i];
            if (t >= squat.fromMs() + 2_000 && t - 20 < squat.fromMs() + 2_000) {
                detector.select(squat); // 2 s late, still before the set's first rep
            }
            detector.accept(t, recording.ax()[i], recording.ay()[i], recording.az()[i], recording.gx()[i],
                    recording.gy()[i], recording.gz()[i], reps::add);
        }
        detector.advanceTo(recording.timestampsMs()[recording.size() - 1] + RepDetector.CLOSE_AT_END_MS, reps::add);
        assertEquals(6, timedRight(reps, device, 2), "squats timed right");
    }

    /**
     * Selections can arrive out of order (a redelivery, a phone that was offline): one made before
     * the selection that holds, heard after it, changes nothing; the same moment again corrects it.
     */
    @Test
    void anOlderSelectionHeardLateChangesNothing() {
        SimulatedDevice device = twoSetsOfSquats();
        var recording = device.toRecording();
        ExerciseSelection squat = secondSetsSelection(device);
        RepDetector detector = RepDetectors.forPlacement(Placement.BACK, "a", "back");
        detector.select(squat);
        List<Rep> reps = new java.util.ArrayList<>();
        boolean late = false;
        for (int i = 0; i < recording.size(); i++) {
            long t = recording.timestampsMs()[i];
            if (!late && t >= squat.fromMs() + 1_000) {
                detector.select(new ExerciseSelection("a", "back", squat.fromMs() - 1_000, "dumbbell-row"));
                late = true;
            }
            detector.accept(t, recording.ax()[i], recording.ay()[i], recording.az()[i], recording.gx()[i],
                    recording.gy()[i], recording.gz()[i], reps::add);
        }
        detector.advanceTo(recording.timestampsMs()[recording.size() - 1] + RepDetector.CLOSE_AT_END_MS, reps::add);
        assertEquals(6, timedRight(reps, device, 2), "squats still timed as squats");

        RepDetector corrected = RepDetectors.forPlacement(Placement.BACK, "a", "back");
        corrected.select(squat);
        corrected.select(new ExerciseSelection("a", "back", squat.fromMs(), "dumbbell-row"));
        assertEquals(0, timedRight(corrected.detectAll(recording), device, 2), "corrected to rows: read concentric first");
    }

    @Test
    void selectionsAheadKeepTimeOrderTheLatestDueAndABound() {
        SelectionsAhead ahead = new SelectionsAhead();
        ahead.add(300, ExerciseHint.SQUAT);
        ahead.add(100, ExerciseHint.ROW);
        ahead.add(200, null);
        ahead.add(100, ExerciseHint.FACE_PULL); // the same moment again: a correction
        assertFalse(ahead.dueBy(99));
        assertTrue(ahead.dueBy(250));
        assertEquals(200, ahead.latestDueFromMs(250));
        assertNull(ahead.takeDue(250), "the latest due is the unknown exercise at 200");
        assertEquals(1, ahead.size());
        assertEquals(ExerciseHint.SQUAT, ahead.takeDue(300));
        assertFalse(ahead.dueBy(Long.MAX_VALUE));

        for (int i = 0; i < 100; i++) {
            ahead.add(1_000 + i, ExerciseHint.ROW);
        }
        assertEquals(SelectionsAhead.KEPT, ahead.size(), "a login sending any number keeps a few");
        ahead.add(10, ExerciseHint.BENCH);
        assertEquals(SelectionsAhead.KEPT, ahead.size());
        assertEquals(ExerciseHint.BENCH, ahead.takeDue(10), "the nearest is kept, the furthest ahead dropped");
    }

    @Test
    void onlyTheDetectorsRepDetectorsMakesFollowSelections() {
        assertThrows(UnsupportedOperationException.class, () -> new VerticalRepDetector("a", "d").select(0, ExerciseHint.ROW));
    }
}
