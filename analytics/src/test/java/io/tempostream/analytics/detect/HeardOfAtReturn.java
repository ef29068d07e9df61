package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.Placement;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SimulatedDevice;
import java.util.List;

/** A simulated set fed sample by sample, as the job feeds it: every rep counted and first heard of soon after its return. */
final class HeardOfAtReturn {
    private HeardOfAtReturn() {
    }

    /**
     * {@link #assertEveryRepWithin} for the placement's detector told the exercise as the app tells
     * it: the device's selections, each from 4 s before its set.
     */
    static void assertEverySelectedRepWithin(Placement placement, SimulatedDevice device, long withinMs) {
        RepDetector detector = RepDetectors.forPlacement(placement, "a", "d");
        device.selections().forEach(detector::select);
        assertEveryRepWithin(detector, device, withinMs);
    }

    /**
     * The device's reps counted (holds aside), the k-th found first offered or reported at most
     * {@code withinMs} (sensor time) after the k-th done came back to its resting end.
     */
    static void assertEveryRepWithin(RepDetector detector, SimulatedDevice device, long withinMs) {
        List<LiveReplay.TimedRep> reps = LiveReplay.replay(detector, device.toRecording()).reps().stream()
                .filter(t -> !t.rep().isometric()).toList();
        List<RepTruth> truth = device.reps();
        assertEquals(truth.size(), reps.size(), "reps counted");
        for (int k = 0; k < truth.size(); k++) {
            long lateMs = reps.get(k).firstKnownAtMs() - truth.get(k).returnEndMs();
            assertTrue(lateMs <= withinMs, "rep " + (k + 1) + " first heard of " + lateMs + " ms after its return");
        }
    }
}
