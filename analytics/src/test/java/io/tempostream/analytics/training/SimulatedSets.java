package io.tempostream.analytics.training;

import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated sets run through the real detector and the training analytics, as the job runs them:
 * the athlete selects each set's exercise just before it, the sensor's reps follow.
 */
final class SimulatedSets {
    static final long T0 = 1_764_000_000_000L;

    private SimulatedSets() {
    }

    /** One set of {@code reps} performed at {@code performed}, prescribed {@code prescribed}. */
    static SetScript set(Exercise exercise, int reps, String performed, double fatigue, int partialFromRep,
            boolean bounce, double swingDeg) {
        return new SetScript(exercise, reps, TempoPrescription.parse(performed), 20_000, fatigue, partialFromRep,
                bounce, swingDeg);
    }

    /** What the analytics emit for {@code sets} worn at {@code placement}, with {@code prescribed} as the athlete's tempo. */
    static List<TrainingRecord> analyse(Placement placement, double rateHz, long seed, String prescribed,
            List<SetScript> sets) {
        SessionScript script = new SessionScript("a", "d", placement, rateHz, 10, 5_000, sets);
        SimulatedDevice device = ExerciseSimulator.simulate(script, T0, seed);
        AthleteProfile profile = new AthleteProfile("a", null, java.time.ZoneId.of("UTC"),
                TempoPrescription.parse(prescribed), java.util.Map.of());
        AthleteTraining training = new AthleteTraining();
        // The app sends each set's exercise a few seconds before its first rep.
        device.reps().stream().filter(r -> r.rep() == 1).forEach(r -> training.select(
                new ExerciseSelection("a", "d", r.startMs() - 3_000, r.exercise())));
        List<TrainingRecord> out = new ArrayList<>();
        RepDetectors.forPlacement(placement, "a", "d").detectAll(device.toRecording())
                .forEach(rep -> training.accept(rep, profile, out::add));
        training.advanceTo(Long.MAX_VALUE / 2, profile, out::add);
        return out;
    }

    static List<AnalysedRep> reps(List<TrainingRecord> records) {
        return records.stream().filter(r -> r instanceof AnalysedRep a && !a.rep().isometric())
                .map(r -> (AnalysedRep) r).toList();
    }

    /** The final figures of each set (the last update of each). */
    static List<SetAnalysis> sets(List<TrainingRecord> records) {
        java.util.Map<String, SetAnalysis> last = new java.util.LinkedHashMap<>();
        records.stream().filter(r -> r instanceof SetAnalysis).map(r -> (SetAnalysis) r)
                .forEach(s -> last.put(s.deviceId() + "/" + s.startMs(), s));
        return List.copyOf(last.values());
    }

    static List<SessionSummary> sessions(List<TrainingRecord> records) {
        return records.stream().filter(r -> r instanceof SessionSummary).map(r -> (SessionSummary) r).toList();
    }
}
