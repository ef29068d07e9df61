package io.tempostream.analytics.job;

import io.tempostream.ingest.RejectReason;

/**
 * What one reader of the job took in over an interval (wall clock): batches, samples, exercise
 * selections, payloads refused per reason ({@link RejectReason} order), and how far the newest
 * sample's time trails the wall clock (event-time lag: a device clock or a backlog behind).
 * Written to the {@code health} measurement for the pipeline-health dashboard.
 *
 * @param lagMs wall clock at the report less the newest sample's time; 0 when no sample came
 */
public record IngestHealth(long atMs, int subtask, long intervalMs, long batches, long samples, long selections,
        long[] rejectedByReason, long lagMs) {

    public long rejected() {
        long total = 0;
        for (long n : rejectedByReason) {
            total += n;
        }
        return total;
    }
}
