package io.tempostream.simulator;

import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.Placement;
import java.util.List;

/**
 * What one device records: an athlete's sets of wrist-worn rows, sampled at {@code sampleRateHz}
 * from {@code startMs} (epoch ms), sent in batches of {@code batchSize} samples.
 *
 * @param leadInMs      standing still before the first rep
 * @param tempoJitter   relative standard deviation of each phase's duration, rep to rep
 */
public record DeviceSession(
        String athleteId,
        String deviceId,
        Placement placement,
        long startMs,
        double sampleRateHz,
        int batchSize,
        long leadInMs,
        List<SetPlan> sets,
        double tempoJitter,
        long seed) {

    public DeviceSession {
        new ImuTopic(athleteId, deviceId);
        if (!(sampleRateHz >= 12.5 && sampleRateHz <= 200)) {
            throw new IllegalArgumentException("--rate must be 12.5–200 Hz, got " + sampleRateHz);
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("--batch must be 1–1000 samples, got " + batchSize);
        }
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one set");
        }
        if (!(tempoJitter >= 0 && tempoJitter <= 0.3)) {
            throw new IllegalArgumentException("tempo jitter must be 0–0.3, got " + tempoJitter);
        }
        sets = List.copyOf(sets);
    }
}
