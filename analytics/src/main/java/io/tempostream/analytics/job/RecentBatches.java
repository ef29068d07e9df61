package io.tempostream.analytics.job;

import io.tempostream.ingest.ImuBatch;
import java.io.Serializable;

/**
 * The last few batches a device sent, by sequence number and first sample time: a batch seen
 * before is a redelivery (MQTT QoS 1 after a reconnect, a publisher retrying), not new data. The
 * time is part of the identity because a device that restarts counts from 0 again.
 */
final class RecentBatches implements Serializable {
    /** More than a publisher has in flight, and than a reconnect redelivers. */
    static final int REMEMBERED = 64;

    private final long[] sequences = new long[REMEMBERED];
    private final long[] firstTimestampsMs = new long[REMEMBERED];
    private int count;
    private int next;

    /** Records the batch and says whether it had been seen already. */
    boolean seenBefore(ImuBatch batch) {
        long first = batch.firstTimestampMs();
        for (int i = 0; i < count; i++) {
            if (sequences[i] == batch.sequence() && firstTimestampsMs[i] == first) {
                return true;
            }
        }
        remember(batch);
        return false;
    }

    /** Records a batch the caller knows to be new, without looking for it among the remembered. */
    void remember(ImuBatch batch) {
        long first = batch.firstTimestampMs();
        sequences[next] = batch.sequence();
        firstTimestampsMs[next] = first;
        next = (next + 1) % REMEMBERED;
        count = Math.min(count + 1, REMEMBERED);
    }
}
