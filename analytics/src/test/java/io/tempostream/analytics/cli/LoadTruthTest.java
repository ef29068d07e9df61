package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.simulator.LoadGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load test times reps against {@link LoadGenerator#trueReps}: for devices that start at
 * different points of the workout's rest, the detector's reps must be those true reps (end within
 * 300 ms), none missing and none extra.
 */
class LoadTruthTest {
    private static final long T0 = 1_764_000_000_000L;

    @Test
    void eachDevicesTrueRepsAreTheRepsItsSamplesShow() {
        for (Placement placement : List.of(Placement.BACK, Placement.WRIST)) {
            LoadGenerator load = new LoadGenerator(MqttEndpoint.of("tcp://127.0.0.1:1"), 2_000, 1, 100, 10, placement, 42);
            for (int d : new int[] {0, 17, 1_999}) {
                List<ImuBatch> batches = load.batches(d, T0, 3_000); // 300 s, about three workouts
                RepDetector detector = RepDetectors.forPlacement(placement, LoadGenerator.athleteId(d), load.deviceId());
                List<Rep> found = new ArrayList<>();
                batches.forEach(b -> detector.accept(b, found::add));
                long endMs = batches.get(batches.size() - 1).lastTimestampMs();
                detector.advanceTo(endMs + 60_000, found::add);

                List<LoadGenerator.TrueRep> truth = load.trueReps(d, T0, endMs);
                String what = placement + " device " + d;
                assertTrue(truth.size() >= 25, what + ": true reps " + truth.size());
                for (Rep rep : found) {
                    long off = truth.stream().mapToLong(t -> Math.abs(t.endMs() - rep.endMs())).min().orElseThrow();
                    assertTrue(off <= 300, what + ": rep ending at " + (rep.endMs() - T0) + " is " + off + " ms from any true end");
                }
                for (LoadGenerator.TrueRep t : truth) {
                    assertTrue(found.stream().anyMatch(r -> Math.abs(r.endMs() - t.endMs()) <= 300),
                            what + ": true rep " + t.rep() + " ending at " + (t.endMs() - T0) + " was not found");
                }
                assertEquals(truth.size(), found.size(), what + ": reps");
            }
        }
    }
}
