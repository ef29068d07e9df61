package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.training.AthleteProfile;
import io.tempostream.analytics.training.AthleteTraining;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Simulated sets run through the real detector and the training analytics, as the job runs them:
 * the athlete selects each set's exercise just before it, which steers the detector and names the
 * reps' exercise.
 */
public final class AnalysedSimulation {
    public static final long T0 = 1_764_000_000_000L;

    private AnalysedSimulation() {
    }

    /** What the analytics emit for {@code sets} worn at {@code placement}, with {@code prescribed} as the athlete's tempo. */
    public static List<TrainingRecord> analyse(Placement placement, double rateHz, long seed, String prescribed,
            List<SetScript> sets) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", placement, rateHz, 10, 5_000, sets),
                T0, seed);
        AthleteProfile profile = new AthleteProfile("a", null, ZoneId.of("UTC"), TempoPrescription.parse(prescribed),
                Map.of());
        AthleteTraining training = new AthleteTraining();
        device.selections().forEach(s -> training.select(new ExerciseSelection("a", "d", s.fromMs(), s.exercise())));
        List<TrainingRecord> out = new ArrayList<>();
        RepDetector detector = RepDetectors.forPlacement(placement, "a", "d");
        device.selections().forEach(detector::select);
        detector.detectAll(device.toRecording()).forEach(rep -> training.accept(rep, profile, out::add));
        training.advanceTo(Long.MAX_VALUE / 2, profile, out::add);
        return out;
    }
}
