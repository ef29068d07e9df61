package io.tempostream.simulator;

import io.tempostream.ingest.ImuBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Transport faults to inject into a device's batches, as a real network and device produce them.
 * The ground truth is untouched: faults change what arrives, not what the athlete did.
 *
 * @param dropRate        share of batches lost
 * @param duplicateRate   share of batches sent twice (QoS 1 redelivery)
 * @param reorderRate     share of batches swapped with the next one
 * @param clockSkewMs     added to every timestamp of the device (its clock runs ahead, or behind if negative)
 * @param silentFromMs    offset from the first sample where the device goes silent (negative: never)
 * @param silentForMs     how long it stays silent
 */
public record FaultPlan(double dropRate, double duplicateRate, double reorderRate, long clockSkewMs, long silentFromMs,
        long silentForMs) {
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, -1, 0);

    public FaultPlan {
        for (double rate : new double[] {dropRate, duplicateRate, reorderRate}) {
            if (!(rate >= 0 && rate <= 0.5)) {
                throw new IllegalArgumentException("--drop, --duplicate and --reorder must be 0–0.5, got " + rate);
            }
        }
        if (silentForMs < 0) {
            throw new IllegalArgumentException("--silent-for-s must not be negative, got " + silentForMs / 1000.0);
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** The batches as they would arrive, in sending order; deterministic for a seed. */
    public List<ImuBatch> apply(List<ImuBatch> batches, long seed) {
        Random random = new Random(seed);
        List<ImuBatch> out = new ArrayList<>();
        long first = batches.isEmpty() ? 0 : batches.get(0).firstTimestampMs();
        for (ImuBatch batch : batches) {
            long offset = batch.firstTimestampMs() - first;
            if (silentFromMs >= 0 && offset >= silentFromMs && offset < silentFromMs + silentForMs) {
                continue;
            }
            if (random.nextDouble() < dropRate) {
                continue;
            }
            ImuBatch sent = clockSkewMs == 0 ? batch : skewed(batch);
            out.add(sent);
            if (random.nextDouble() < duplicateRate) {
                out.add(sent);
            }
        }
        for (int i = 0; i + 1 < out.size(); i++) {
            if (random.nextDouble() < reorderRate) {
                Collections.swap(out, i, i + 1);
                i++;
            }
        }
        return out;
    }

    private ImuBatch skewed(ImuBatch b) {
        long[] t = b.timestampsMs().clone();
        for (int i = 0; i < t.length; i++) {
            t[i] += clockSkewMs;
        }
        return new ImuBatch(b.athleteId(), b.deviceId(), b.placement(), b.sequence(), t, b.accelXG(), b.accelYG(),
                b.accelZG(), b.gyroXDps(), b.gyroYDps(), b.gyroZDps());
    }
}
