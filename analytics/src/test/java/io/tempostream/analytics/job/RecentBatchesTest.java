package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import org.junit.jupiter.api.Test;

class RecentBatchesTest {
    private static ImuBatch batch(long sequence, long firstMs) {
        float[] v = {0, 0};
        return new ImuBatch("a", "w", Placement.WRIST, sequence, new long[] {firstMs, firstMs + 10}, v, v, new float[] {1, 1}, v, v, v);
    }

    @Test
    void aRedeliveredBatchIsSeenBeforeANewOneIsNot() {
        RecentBatches recent = new RecentBatches();
        assertFalse(recent.seenBefore(batch(7, 1_000)));
        assertFalse(recent.seenBefore(batch(8, 1_020)));
        assertTrue(recent.seenBefore(batch(7, 1_000)), "the same batch again");
    }

    @Test
    void aRestartedDeviceCountingFromZeroAgainIsNotADuplicate() {
        RecentBatches recent = new RecentBatches();
        assertFalse(recent.seenBefore(batch(0, 1_000)));
        assertFalse(recent.seenBefore(batch(0, 90_000)), "sequence 0 again, later: the device restarted");
    }

    @Test
    void onlyTheLastFewAreRemembered() {
        RecentBatches recent = new RecentBatches();
        for (int i = 0; i <= RecentBatches.REMEMBERED; i++) {
            recent.seenBefore(batch(i, 1_000L * i));
        }
        assertFalse(recent.seenBefore(batch(0, 0)), "forgotten after " + RecentBatches.REMEMBERED + " newer batches");
        assertTrue(recent.seenBefore(batch(RecentBatches.REMEMBERED, 1_000L * RecentBatches.REMEMBERED)));
    }
}
