package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RepsFromBatchesTest {
    private static final long T0 = 1_764_000_000_000L;

    /** One 10-sample batch of a device lying still, starting at {@code startMs}. */
    private static ImuBatch still(String athlete, long startMs) {
        int n = 10;
        long[] t = new long[n];
        float[] zero = new float[n];
        float[] one = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = startMs + 10L * i;
            one[i] = 1;
        }
        return new ImuBatch(athlete, "wrist", Placement.WRIST, 0, t, zero, zero, one, zero, zero, zero);
    }

    @Test
    void aDeviceSilentForADayLeavesNoState() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, ImuBatch, Rep> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new RepsFromBatches()), b -> b.athleteId() + "/" + b.deviceId(), Types.STRING)) {
            harness.open();
            harness.setProcessingTime(0);
            harness.setStateTtlProcessingTime(0);
            harness.processElement(still("gone", T0), T0 + 90);
            harness.processWatermark(T0 + 100);
            int withTheDevice = harness.numKeyedStateEntries();
            assertTrue(withTheDevice > 0, "the device has state while it is active");

            // A day and a bit later another device trains; expired state is swept as it does.
            harness.setProcessingTime(RepsFromBatches.DEVICE_STATE_TTL.toMillis() + 60_000);
            harness.setStateTtlProcessingTime(RepsFromBatches.DEVICE_STATE_TTL.toMillis() + 60_000);
            for (int i = 0; i < 20; i++) {
                harness.processElement(still("active", T0 + 100_000 + 100L * i), T0 + 100_090 + 100L * i);
            }
            harness.processWatermark(T0 + 110_000);

            assertEquals(withTheDevice, harness.numKeyedStateEntries(),
                    "only the active device's entries remain (as many as the gone one had)");
        }
    }
}
