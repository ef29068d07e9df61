package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExerciseHintTest {

    @Test
    void namesAreTheCommandLineNames() {
        assertEquals(Optional.of(ExerciseHint.SQUAT), ExerciseHint.fromCliName(" Squat "));
        assertEquals(Optional.of(ExerciseHint.PENDLAY_ROW), ExerciseHint.fromCliName("pendlay-row"));
        assertEquals(Optional.empty(), ExerciseHint.fromCliName("curl"));
        assertTrue(ExerciseHint.cliNames().contains("scapular-squeeze"));
    }

    /** Every name a session script or the exercise topic uses is a hint too, so one word works everywhere. */
    @Test
    void theSimulatorsAndTopicsNamesAreHintsToo() {
        for (Exercise exercise : Exercise.values()) {
            assertTrue(ExerciseHint.fromCliName(exercise.scriptName()).isPresent(), exercise.scriptName());
        }
        assertEquals(Optional.of(ExerciseHint.ROW), ExerciseHint.fromCliName("dumbbell-row"));
        assertEquals(Optional.of(ExerciseHint.CABLE_ROW), ExerciseHint.fromCliName("seated-cable-row"));
        assertEquals(Optional.of(ExerciseHint.Y_RAISE), ExerciseHint.fromCliName("prone-y-raise"));
        assertEquals(Optional.of(ExerciseHint.FACE_PULL), ExerciseHint.fromCliName("band-face-pull"));
    }

    @Test
    void pullsAndPressesRiseFirstSquatAndBenchDescendFirst() {
        assertEquals(1, ExerciseHint.ROW.farEndDirection());
        assertEquals(1, ExerciseHint.OVERHEAD_PRESS.farEndDirection());
        assertEquals(-1, ExerciseHint.SQUAT.farEndDirection());
        assertEquals(-1, ExerciseHint.BENCH.farEndDirection());
        assertEquals(ExerciseHint.WristSignal.ROTATION, ExerciseHint.FACE_PULL.wristSignal());
    }

    /**
     * A squat set at 1-0-3-0 (1 s up, 3 s down) hinted as a squat: every rep found, and the slow
     * way down is reported as the eccentric, not the concentric.
     */
    @Test
    void hintedSquatReportsTheDescentAsEccentric() {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "w", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.SQUAT, 8, "1-0-3-0", 10_000))), 1_764_000_000_000L, 0);
        List<Rep> reps = RepDetectors.forPlacement(Placement.WRIST, Optional.of(ExerciseHint.SQUAT), "a", "w")
                .detectAll(device.toRecording());

        assertEquals(device.reps().size(), reps.size(), "rep count");
        for (Rep rep : reps) {
            assertTrue(rep.eccentricMs() > rep.concentricMs(), "rep " + rep.rep() + ": eccentric "
                    + rep.eccentricMs() + " ms should be the long phase, concentric " + rep.concentricMs() + " ms");
        }
    }

    /** A face-pull hint means rotation only: a row set, which the wrist rides without turning, yields nothing. */
    @Test
    void rotationHintIgnoresTravel() {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "w", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.PENDLAY_ROW, 8, "1-0-1-0", 10_000))), 1_764_000_000_000L, 1);
        assertEquals(0, RepDetectors.forPlacement(Placement.WRIST, Optional.of(ExerciseHint.FACE_PULL), "a", "w")
                .detectAll(device.toRecording()).size());
        assertTrue(RepDetectors.forPlacement(Placement.WRIST, Optional.of(ExerciseHint.PENDLAY_ROW), "a", "w")
                .detectAll(device.toRecording()).size() > 0);
    }
}
