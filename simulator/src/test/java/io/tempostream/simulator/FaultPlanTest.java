package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    private static final List<ImuBatch> BATCHES = WristRowSimulator.simulate(new DeviceSession("a", "w", Placement.WRIST,
            1_764_000_000_000L, 100, 10, 3_000, List.of(new SetPlan(10, TempoPrescription.parse("2-1-2-0"), 60, 5_000)),
            0.05, 1)).batches();

    @Test
    void dropsDuplicatesAndReordersAboutAsAsked() {
        List<ImuBatch> arrived = new FaultPlan(0.1, 0.1, 0.1, 0, -1, 0).apply(BATCHES, 42);
        Set<Long> distinct = new HashSet<>();
        arrived.forEach(b -> distinct.add(b.sequence()));
        double lost = 1 - distinct.size() / (double) BATCHES.size();
        double doubled = (arrived.size() - distinct.size()) / (double) distinct.size();
        assertEquals(0.1, lost, 0.04, "share lost");
        assertEquals(0.1, doubled, 0.04, "share sent twice");
        int outOfOrder = 0;
        for (int i = 1; i < arrived.size(); i++) {
            outOfOrder += arrived.get(i).sequence() < arrived.get(i - 1).sequence() ? 1 : 0;
        }
        assertTrue(outOfOrder > 0.04 * arrived.size(), outOfOrder + " batches arrive before their predecessor");
    }

    @Test
    void silenceRemovesAStretchAndSkewShiftsTheClock() {
        List<ImuBatch> arrived = new FaultPlan(0, 0, 0, 1_500, 10_000, 4_000).apply(BATCHES, 1);
        long first = BATCHES.get(0).firstTimestampMs();
        for (ImuBatch b : arrived) {
            long original = b.firstTimestampMs() - 1_500;
            assertTrue(original - first < 10_000 || original - first >= 14_000, "batch inside the silence: " + b);
        }
        assertEquals(BATCHES.size() - 40, arrived.size(), "4 s of 100 ms batches are missing");
        assertEquals(BATCHES.get(0).firstTimestampMs() + 1_500, arrived.get(0).firstTimestampMs());
    }

    @Test
    void sameSeedSameFaults() {
        FaultPlan plan = new FaultPlan(0.2, 0.2, 0.2, 0, -1, 0);
        assertEquals(plan.apply(BATCHES, 7), plan.apply(BATCHES, 7));
        assertNotEquals(plan.apply(BATCHES, 7), plan.apply(BATCHES, 8));
    }
}
