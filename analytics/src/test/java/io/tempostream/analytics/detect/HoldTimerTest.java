package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The live hold timer: while the athlete holds the far end of a rep the engine says since when,
 * within a few tenths of a second of the hold's true start; while the athlete moves or rests
 * between reps it says nothing.
 */
class HoldTimerTest {
    private static final long T0 = 1_764_000_000_000L;

    @ParameterizedTest(name = "{0} {1} from the {2}, seed {3}")
    @CsvSource({"SCAPULAR_SQUEEZE, 1-8-1-2, BACK, 0", "SCAPULAR_SQUEEZE, 1-10-1-2, BACK, 1", "DUMBBELL_ROW, 2-2-2-0, BACK, 2",
        "FACE_PULL, 2-2-2-0, WRIST, 3"})
    void whileAHoldLastsTheEngineSaysSinceWhen(Exercise exercise, String tempo, Placement placement, long seed) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", placement, 50, 10, 5_000,
                List.of(SetScript.of(exercise, 4, tempo, 10_000))), T0, seed);
        Recording r = device.toRecording();
        RepDetector detector = RepDetectors.forPlacement(placement, "a", "d");
        int inHold = 0;
        int timed = 0;
        int elsewhere = 0;
        int quiet = 0;
        long setStart = device.reps().get(0).startMs();
        long setEnd = device.reps().get(device.reps().size() - 1).endMs();
        for (int i = 0; i < r.size(); i++) {
            long t = r.timestampsMs()[i];
            detector.accept(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], rep -> { });
            long since = detector.holdingSinceMs();
            boolean nearAHold = false;
            for (RepTruth rep : device.reps()) {
                long holdStart = rep.startMs() + rep.concentricMs();
                long holdEnd = holdStart + rep.peakHoldMs();
                nearAHold |= t >= holdStart - 300 && t < holdEnd + 700;
                // A hold is known once its way in has visibly ended; a wrist set is a set only once
                // its second rep is done, so its first two holds go untimed.
                boolean knowable = placement == Placement.BACK || rep.rep() > 2;
                if (knowable && t >= holdStart + 500 && t < holdEnd - 100) {
                    inHold++;
                    timed += since != Long.MIN_VALUE && Math.abs(since - holdStart) <= 300 ? 1 : 0;
                }
            }
            if (!nearAHold && t >= setStart - 3_000 && t < setEnd + 5_000) {
                elsewhere++;
                quiet += since == Long.MIN_VALUE ? 1 : 0;
            }
        }
        assertTrue(timed >= 0.9 * inHold, "hold timed in " + timed + " of " + inHold + " samples");
        assertTrue(quiet >= 0.95 * elsewhere, "no hold outside the holds: " + quiet + " of " + elsewhere);
    }
}
