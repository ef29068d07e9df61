package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.RealData;
import io.tempostream.analytics.evaluate.ManifestSet;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.MetaWearCsv;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.SpeedCurve;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows with no pause at either end, the wrist straight into the next rep: 1.4 s a rep, the pace of
 * the real barbell rows in ../shared. A rep on offer waits for the final analysis, some 3.5 s after
 * what ends it, and two at a time let every other rep wait one rep longer; the look at the way
 * back took the travel to rest at the window's edge, where the wrist was already on its way out
 * again. Each rep is now heard of within a second of its return, fed as the job feeds it.
 */
class TouchAndGoTest {
    private static final long T0 = 1_764_000_000_000L;
    private static final long WITHIN_MS = 1_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aSelectedTouchAndGoRowIsHeardOfWithinASecondOfItsReturn(long seed) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "0.7-0-0.7-0", 90_000).moving(SpeedCurve.HALF_COSINE, true))),
                T0, seed);
        HeardOfAtReturn.assertEverySelectedRepWithin(Placement.WRIST, device, WITHIN_MS);
    }

    /**
     * The real barbell rows, each with rows selected: from the set's fourth rep on (the first three
     * wait for the set to show itself: the recordings start with the set), every rep is heard of
     * within a second of its return, measured, as {@code evaluate} does, against its own final
     * rep's end less its bottom pause. They were up to 2.0 s, and in four of the five sets the last
     * rep came only with the recording's end. Not a rep that comes back in the recording's last
     * {@link VerticalRepDetector#RETURN_SETTLED_MS}: a way back is over once it has settled that
     * long, and whether a look falls in between is chance (one set's last rep, 0.28 s before the
     * recording ends); live, the stream goes on.
     */
    @Test
    void realBarbellRowsAreHeardOfWithinASecondOfTheirReturn() throws Exception {
        List<ManifestSet> rows = ManifestSet.read(RealData.metawearManifest()).stream()
                .filter(set -> set.exercise().equals("row")).toList();
        assertFalse(rows.isEmpty(), "row recordings in the manifest");
        for (ManifestSet set : rows) {
            Recording recording = MetaWearCsv.read(set.accelerometer(), set.gyroscope());
            RepDetector detector = RepDetectors.forPlacement(Placement.WRIST, ExerciseHint.fromCliName("row"),
                    set.participant(), "metawear");

            List<LiveReplay.TimedRep> reps = LiveReplay.replay(detector, recording).reps();
            long recordingEndMs = recording.timestampsMs()[recording.size() - 1];

            for (int k = 3; k < reps.size(); k++) {
                LiveReplay.TimedRep timed = reps.get(k);
                long returnMs = timed.rep().endMs() - timed.rep().bottomPauseMs();
                if (recordingEndMs - returnMs < VerticalRepDetector.RETURN_SETTLED_MS) {
                    continue;
                }
                long late = timed.firstKnownAtMs() - returnMs;
                assertTrue(late <= WITHIN_MS, set.setId() + " rep " + (k + 1) + " heard of " + late + " ms after its return"
                        + (timed.atEnd() && timed.provisionalAtMs().isEmpty() ? " (only at the recording's end)" : ""));
            }
        }
    }

    /**
     * Face pulls and Y-raises seen by the wrist's rotation, rows and face pulls by the upper back's,
     * at 0.7 s each way: every phase quicker than the 0.8 s that tells a lift from an arm swinging
     * while walking, so none was counted. Such a rep counts when it turns out from the set's
     * resting end and back to it (WristRepDetectorTest and BackSensorTest: walking), a set's first
     * one once the next rep's way out follows it: each heard of within a second of its return, the
     * first too. With and without the exercise selected.
     */
    @ParameterizedTest(name = "{0} from the {1}, {2} at {3} Hz")
    @CsvSource({"DUMBBELL_ROW, BACK, TRAPEZOID, 50", "FACE_PULL, BACK, FAST_START, 100", "DUMBBELL_ROW, BACK, SLOW_START, 25",
            "FACE_PULL, BACK, MINIMUM_JERK, 50", "DUMBBELL_ROW, BACK, HALF_COSINE, 100", "FACE_PULL, WRIST, HALF_COSINE, 50",
            "PRONE_Y_RAISE, WRIST, MINIMUM_JERK, 25", "FACE_PULL, WRIST, SLOW_START, 100", "PRONE_Y_RAISE, WRIST, FAST_START, 50",
            "FACE_PULL, WRIST, TRAPEZOID, 25"})
    void quickRotationRepsAreCountedAndHeardOfWithinASecond(Exercise exercise, Placement placement, SpeedCurve curve,
            double rateHz) {
        for (long seed = 0; seed < 3; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", placement, rateHz, 10, 5_000,
                    List.of(SetScript.of(exercise, 8, "0.7-0-0.7-0", 90_000).moving(curve, true))), T0, seed);
            HeardOfAtReturn.assertEveryRepWithin(RepDetectors.forPlacement(placement, "a", "d"), device, WITHIN_MS);
            HeardOfAtReturn.assertEverySelectedRepWithin(placement, device, WITHIN_MS);
        }
    }
}
