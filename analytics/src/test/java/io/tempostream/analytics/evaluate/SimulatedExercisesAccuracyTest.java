package io.tempostream.analytics.evaluate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * Guards the simulated exercise table of docs/accuracy.md: every exercise model, wrist and upper
 * back, 50 and 100 Hz, three tempos (pause reps among them), ten seeds each, in the cells whose
 * placement can see it.
 */
class SimulatedExercisesAccuracyTest {
    @Test
    void countsEveryObservableSimulatedSetAndTimesItsPhases() {
        ExerciseEvaluation.Totals totals = ExerciseEvaluation.run(10, new PrintStream(OutputStream.nullOutputStream()));
        // Measured 900 of 900 with and without the athlete's selection, 41 ms selected and 70 ms without (docs/accuracy.md);
        // pause reps at 2-2-2-0 were 887 of 900 before each rep's hold was recognised as one far end.
        for (ExerciseEvaluation.Summary s : new ExerciseEvaluation.Summary[] {totals.unselected(), totals.selected()}) {
            assertTrue(s.exactSets() >= 0.99 * s.sets(), "exact count on " + s.exactSets() + " of " + s.sets() + " sets");
        }
        assertTrue(totals.selected().phaseMaeMs() <= 60, "selected phase MAE " + totals.selected().phaseMaeMs() + " ms");
        assertTrue(totals.unselected().phaseMaeMs() <= 90, "phase MAE without a selection " + totals.unselected().phaseMaeMs() + " ms");
    }
}
