package io.tempostream.simulator;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.Recording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Cuts a recording into the MQTT batches one device would have sent, numbered from 0. */
public final class RecordingBatches {
    private RecordingBatches() {
    }

    /**
     * @param shiftMs added to every timestamp (0 keeps the recording's own times)
     */
    public static List<ImuBatch> of(Recording recording, String athleteId, String deviceId, Placement placement,
            int batchSize, long shiftMs) {
        List<ImuBatch> batches = new ArrayList<>();
        int n = recording.size();
        for (int from = 0, seq = 0; from < n; from += batchSize, seq++) {
            int to = Math.min(n, from + batchSize);
            long[] t = Arrays.copyOfRange(recording.timestampsMs(), from, to);
            for (int i = 0; i < t.length; i++) {
                t[i] += shiftMs;
            }
            batches.add(new ImuBatch(athleteId, deviceId, placement, seq, t,
                    Arrays.copyOfRange(recording.ax(), from, to), Arrays.copyOfRange(recording.ay(), from, to),
                    Arrays.copyOfRange(recording.az(), from, to), Arrays.copyOfRange(recording.gx(), from, to),
                    Arrays.copyOfRange(recording.gy(), from, to), Arrays.copyOfRange(recording.gz(), from, to)));
        }
        return batches;
    }

    /** Samples per batch for about 100 ms of data, at least one. */
    public static int batchSizeFor(Recording recording) {
        if (recording.size() < 2) {
            return 1;
        }
        double periodMs = (recording.timestampsMs()[recording.size() - 1] - recording.timestampsMs()[0])
                / (double) (recording.size() - 1);
        return (int) Math.max(1, Math.min(ImuBatch.MAX_SAMPLES, Math.round(100 / Math.max(periodMs, 1e-3))));
    }
}
