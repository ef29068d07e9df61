package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.Placement;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SimulatedDevice;
import java.util.List;

/** A simulated set read whole by its placement's detector: as many reps as were done, each its own. */
final class CountedRepByRep {
    private CountedRepByRep() {
    }

    /**
     * The device's reps counted (holds aside), the k-th found ending within {@code toleranceMs} of
     * the k-th done: the set read from its right end, not half a rep off.
     */
    static void assertCountedRepByRep(Placement placement, SimulatedDevice device, long toleranceMs) {
        List<Rep> reps = RepDetectors.forPlacement(placement, "a", "d").detectAll(device.toRecording()).stream()
                .filter(rep -> !rep.isometric()).toList();
        List<RepTruth> truth = device.reps();
        assertEquals(truth.size(), reps.size(), "reps counted");
        for (int k = 0; k < truth.size(); k++) {
            long off = Math.abs(reps.get(k).endMs() - truth.get(k).endMs());
            assertTrue(off <= toleranceMs, "rep " + (k + 1) + " ends " + off + " ms from its true end");
        }
    }
}
