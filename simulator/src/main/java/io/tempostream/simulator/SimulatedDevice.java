package io.tempostream.simulator;

import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.recording.Recording;
import java.util.List;

/**
 * What one simulated device sends, in order, and what really happened. {@code selections} are
 * what the athlete's app says before each set: the exercise about to be done.
 */
public record SimulatedDevice(String athleteId, String deviceId, List<ImuBatch> batches, List<RepTruth> reps,
        List<ExerciseSelection> selections) {

    /** A device whose athlete never says what they do (the demo's rows). */
    public SimulatedDevice(String athleteId, String deviceId, List<ImuBatch> batches, List<RepTruth> reps) {
        this(athleteId, deviceId, batches, reps, List.of());
    }

    public long sampleCount() {
        return batches.stream().mapToLong(ImuBatch::size).sum();
    }

    /** The device's samples as one recording, for the recording CSV. */
    public Recording toRecording() {
        int n = (int) sampleCount();
        long[] t = new long[n];
        float[][] c = new float[6][n];
        int k = 0;
        for (ImuBatch b : batches) {
            System.arraycopy(b.timestampsMs(), 0, t, k, b.size());
            float[][] columns = {b.accelXG(), b.accelYG(), b.accelZG(), b.gyroXDps(), b.gyroYDps(), b.gyroZDps()};
            for (int a = 0; a < 6; a++) {
                System.arraycopy(columns[a], 0, c[a], k, b.size());
            }
            k += b.size();
        }
        return new Recording(t, c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}
