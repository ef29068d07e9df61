package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.recording.Recording;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WristRowSimulatorTest {
    private static SimulatedDevice simulate(long seed) {
        return WristRowSimulator.simulate(new DeviceSession("a", "w", Placement.WRIST, 1_764_000_000_000L, 100, 10, 3_000,
                List.of(new SetPlan(4, TempoPrescription.parse("3-1-3-1"), 70, 5_000)), 0.05, seed));
    }

    @Test
    void atRestTheAccelerometerReadsOneG() {
        Recording r = simulate(1).toRecording();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < r.size() && r.timestampsMs()[i] - r.timestampsMs()[0] < 2_900; i++) {
            double norm = Math.sqrt(r.ax()[i] * r.ax()[i] + r.ay()[i] * r.ay()[i] + r.az()[i] * r.az()[i]);
            assertEquals(1, norm, 6 * WristRowSimulator.ACCEL_NOISE_G, "sample " + i);
            sum += norm;
            n++;
        }
        assertEquals(1, sum / n, 0.005, "mean norm at rest");
    }

    @Test
    void integratedGyroscopeMatchesTheModelledAngle() {
        SimulatedDevice device = simulate(2);
        Recording r = device.toRecording();
        for (RepTruth rep : device.reps()) {
            double turned = GyroIntegral.turnedDeg(r, r.timestampsMs()[0] + 2_900, rep.startMs(), rep.concentricEndMs());
            assertEquals(rep.romDeg(), turned, 2.0, "concentric of rep " + rep.rep());
        }
    }

    @Test
    void everyRepGoesConcentricHoldEccentricPause() {
        for (RepTruth rep : simulate(3).reps()) {
            assertTrue(rep.concentricFirst() && rep.concentricStartMs() == rep.startMs(), "concentric first");
            assertTrue(rep.concentricMs() > 0 && rep.peakHoldMs() > 0 && rep.eccentricMs() > 0, "then squeeze, eccentric");
            assertEquals(rep.endMs(), rep.startMs() + rep.concentricMs() + rep.peakHoldMs() + rep.eccentricMs()
                    + rep.bottomPauseMs(), "then the pause, and the rep ends");
            assertEquals(3_000, rep.concentricMs(), 3_000 * 0.2, "tempo 3-1-3-1 within jitter");
        }
        assertEquals(0, simulate(3).reps().get(3).bottomPauseMs(), "a set's last rep has no bottom pause");
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        assertArrayEquals(bytes(simulate(7)), bytes(simulate(7)));
        assertFalse(java.util.Arrays.equals(bytes(simulate(7)), bytes(simulate(8))), "another seed, other data");
    }

    private static byte[] bytes(SimulatedDevice device) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ImuBatch batch : device.batches()) {
            out.writeBytes(ImuBatchCodec.encode(batch, PayloadFormat.BINARY));
        }
        return out.toByteArray();
    }
}
