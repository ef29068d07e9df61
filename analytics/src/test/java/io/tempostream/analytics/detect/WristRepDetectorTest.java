package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.DeviceSession;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SetPlan;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WristRowSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WristRepDetectorTest {

    @ParameterizedTest(name = "{0} at {1} Hz, seed {2}")
    @CsvSource({
        "3-1-3-0, 100, 1",
        "3-1-3-0, 50, 2",
        "2-1-2-1, 100, 3",
        "1-0-1-0, 100, 4",
        "3-2-3-0.5, 25, 5",
    })
    void countsEveryRowAndTimesItsPhases(String tempo, double rateHz, long seed) {
        SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession("athlete-1", "wrist-1",
                Placement.WRIST, 1_764_000_000_000L, rateHz, 10, 3_000,
                List.of(new SetPlan(8, TempoPrescription.parse(tempo), 70, 40_000),
                        new SetPlan(8, TempoPrescription.parse(tempo), 70, 5_000)),
                0.05, seed));

        List<Rep> reps = detect(device);

        assertEquals(device.reps().size(), reps.size(), "rep count");
        double worst = 0;
        for (int i = 0; i < reps.size(); i++) {
            Rep rep = reps.get(i);
            RepTruth truth = device.reps().get(i);
            assertEquals(truth.set(), rep.set(), "set of rep " + i);
            assertEquals(truth.rep(), rep.rep(), "number of rep " + i);
            worst = Math.max(worst, Math.abs(rep.concentricMs() - truth.concentricMs()));
            worst = Math.max(worst, Math.abs(rep.peakHoldMs() - truth.peakHoldMs()));
            worst = Math.max(worst, Math.abs(rep.eccentricMs() - truth.eccentricMs()));
            worst = Math.max(worst, Math.abs(rep.bottomPauseMs() - truth.bottomPauseMs()));
            assertEquals(truth.romDeg(), rep.romDeg(), 0.1 * truth.romDeg(), "range of motion of rep " + i);
        }
        assertTrue(worst <= 200, "worst phase error " + worst + " ms");
    }

    static List<Rep> detect(SimulatedDevice device) {
        RepDetector detector = new WristRepDetector(device.athleteId(), device.deviceId());
        List<Rep> reps = new ArrayList<>();
        for (ImuBatch batch : device.batches()) {
            detector.accept(batch, reps::add);
        }
        detector.advanceTo(detector.lastSampleMs() + 60_000, reps::add);
        return reps;
    }
}
