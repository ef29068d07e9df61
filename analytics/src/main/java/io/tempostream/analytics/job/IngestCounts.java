package io.tempostream.analytics.job;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.RejectReason;

/**
 * Counts what a reader takes in and reports it every {@link #REPORT_EVERY_MS} of wall-clock time
 * in which anything came (asked on every message and on the reader's ticks).
 */
final class IngestCounts {
    static final long REPORT_EVERY_MS = 10_000;

    private long sinceMs = Long.MIN_VALUE;
    private long batches;
    private long samples;
    private long selections;
    private final long[] rejected = new long[RejectReason.values().length];
    private long newestSampleMs = Long.MIN_VALUE;

    void batch(ImuBatch batch) {
        batches++;
        samples += batch.size();
        newestSampleMs = Math.max(newestSampleMs, batch.lastTimestampMs());
    }

    void selection() {
        selections++;
    }

    void rejected(RejectReason reason) {
        rejected[reason.ordinal()]++;
    }

    /** The interval's counts if one is due at {@code nowMs} (counting starts afresh), else null. */
    IngestHealth reportIfDue(long nowMs, int subtask) {
        if (sinceMs == Long.MIN_VALUE) {
            sinceMs = nowMs;
            return null;
        }
        if (nowMs - sinceMs < REPORT_EVERY_MS) {
            return null;
        }
        if (batches == 0 && selections == 0 && java.util.Arrays.stream(rejected).allMatch(n -> n == 0)) {
            sinceMs = nowMs; // nothing came: no row (as before ticks), and the next interval starts now
            return null;
        }
        IngestHealth report = new IngestHealth(nowMs, subtask, nowMs - sinceMs, batches, samples, selections,
                rejected.clone(), newestSampleMs == Long.MIN_VALUE ? 0 : nowMs - newestSampleMs);
        sinceMs = nowMs;
        batches = 0;
        samples = 0;
        selections = 0;
        java.util.Arrays.fill(rejected, 0);
        newestSampleMs = Long.MIN_VALUE;
        return report;
    }
}
