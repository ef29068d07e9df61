package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.config.Flags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code simulate}'s workout flags: every seed exercise, from either placement, by the names used elsewhere. */
class WorkoutOptionsTest {
    private static WorkoutOptions parse(String... args) {
        return WorkoutOptions.fromFlags(Flags.parse(args, WorkoutOptions.FLAGS, java.util.Set.of()), 1, 2, 8);
    }

    @Test
    void facePullsFromTheUpperBack() {
        WorkoutOptions workout = parse("--exercise", "face-pull", "--placement", "back", "--sets", "2", "--reps", "5",
                "--athletes", "2", "--rest-s", "20");
        List<SimulatedDevice> devices = workout.simulate(1_764_000_000_000L);
        assertEquals(2, devices.size());
        for (SimulatedDevice device : devices) {
            ImuBatch first = device.batches().get(0);
            assertEquals("back-1", first.deviceId());
            assertEquals(Placement.BACK, first.placement());
            assertEquals(10, device.reps().size(), "2 sets of 5");
            assertTrue(device.selections().stream().allMatch(s -> s.exercise().equals("face-pull")), device.selections().toString());
            assertEquals(2, device.selections().size(), "the exercise is said before each set");
        }
    }

    @Test
    void theDefaultIsDumbbellRowsAtTheWrist() {
        WorkoutOptions workout = parse();
        assertEquals(Exercise.DUMBBELL_ROW, workout.exercise());
        assertEquals(Placement.WRIST, workout.placement());
        assertEquals("wrist-1", workout.simulate(1_764_000_000_000L).get(0).batches().get(0).deviceId());
    }

    @Test
    void everySeedExerciseByItsScriptNameOrTheShortNameOfAnalyze() {
        for (Exercise exercise : Exercise.values()) {
            assertEquals(exercise, parse("--exercise", exercise.scriptName()).exercise());
        }
        assertEquals(Exercise.DUMBBELL_ROW, parse("--exercise", "row").exercise());
        assertEquals(Exercise.SEATED_CABLE_ROW, parse("--exercise", "cable-row").exercise());
        assertEquals(Exercise.PRONE_Y_RAISE, parse("--exercise", "y-raise").exercise());
    }

    @Test
    void anUnknownExerciseOrPlacementIsRefusedNamingTheFlag() {
        IllegalArgumentException exercise = assertThrows(IllegalArgumentException.class, () -> parse("--exercise", "curl"));
        assertTrue(exercise.getMessage().startsWith("--exercise must be one of [dumbbell-row,")
                && exercise.getMessage().endsWith("got 'curl'"), exercise.getMessage());
        IllegalArgumentException placement = assertThrows(IllegalArgumentException.class, () -> parse("--placement", "hip"));
        assertEquals("--placement must be wrist or back, got 'hip'", placement.getMessage());
    }
}
