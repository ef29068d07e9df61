package io.tempostream.simulator;

import io.tempostream.ingest.ImuBatch;
import java.util.List;

/** What one simulated device sends, in order, and what really happened. */
public record SimulatedDevice(String athleteId, String deviceId, List<ImuBatch> batches, List<RepTruth> reps) {

    public long sampleCount() {
        return batches.stream().mapToLong(ImuBatch::size).sum();
    }
}
