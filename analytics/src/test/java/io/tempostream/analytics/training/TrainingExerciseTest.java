package io.tempostream.analytics.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.simulator.Exercise;
import org.junit.jupiter.api.Test;

class TrainingExerciseTest {
    /** The simulator's app selects its exercises by these names; the analytics must know each one. */
    @Test
    void everySimulatedExerciseHasACategory() {
        for (Exercise e : Exercise.values()) {
            assertTrue(TrainingExercise.fromWireName(e.scriptName()).isPresent(), e.scriptName());
        }
        assertEquals(TrainingExercise.Category.ACTIVATION, TrainingExercise.categoryOf("scapular-squeeze"));
        assertEquals(TrainingExercise.Category.ISOLATION, TrainingExercise.categoryOf("prone-y-raise"));
        assertEquals(TrainingExercise.Category.OTHER, TrainingExercise.categoryOf("lat-pulldown"));
        assertEquals(TrainingExercise.Category.OTHER, TrainingExercise.categoryOf(""));
    }
}
