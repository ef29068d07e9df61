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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Between the shoulder blades a rep is a few degrees of scapular retraction: the back thresholds see it. */
class BackSensorTest {
    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({"FACE_PULL, 0", "FACE_PULL, 1", "SCAPULAR_SQUEEZE, 0", "SCAPULAR_SQUEEZE, 2", "SQUAT, 1"})
    void countsRepsFromAnUpperBackSensor(Exercise exercise, long seed) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "back-1", Placement.BACK, 50, 10, 5_000,
                List.of(SetScript.of(exercise, 8, "2-1-2-0", 10_000))), 1_764_000_000_000L, seed);
        List<Rep> reps = RepDetectors.forPlacement(Placement.BACK, "a", "back-1").detectAll(device.toRecording());
        assertEquals(8, reps.size(), exercise + " reps");
    }

    /**
     * A slow row (3-1-3-0) turns the upper back by 8° at about 4 deg/s, so at the bottom the speed
     * sinks into gyroscope noise for a while. The next rep's start is where its speed ramps up
     * from zero, not where the noisy speed happened to be lowest: no bottom pause appears that the
     * lifter never made (it was 400 ms on average).
     */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"0", "1", "2"})
    void aSlowRowTurningAtTheBottomGetsNoBottomPause(long seed) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "back-1", Placement.BACK, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "3-1-3-0", 10_000))), 1_764_000_000_000L, seed);
        List<Rep> reps = RepDetectors.forPlacement(Placement.BACK, "a", "back-1").detectAll(device.toRecording());
        assertEquals(8, reps.size());
        double meanPauseMs = reps.stream().mapToLong(Rep::bottomPauseMs).average().orElseThrow();
        assertTrue(meanPauseMs < 100, "mean bottom pause " + meanPauseMs + " ms; the lifter made none");
    }
}
