package io.tempostream.analytics.training;

import io.tempostream.analytics.evaluate.AnalysedSimulation;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.SetScript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Simulated sets through the real detector and the training analytics ({@link AnalysedSimulation}), and what came out. */
final class SimulatedSets {
    private SimulatedSets() {
    }

    /** One set of {@code reps} performed at {@code performed}. */
    static SetScript set(Exercise exercise, int reps, String performed, double fatigue, int partialFromRep,
            boolean bounce, double swingDeg) {
        return new SetScript(exercise, reps, TempoPrescription.parse(performed), 20_000, fatigue, partialFromRep,
                bounce, swingDeg);
    }

    static List<TrainingRecord> analyse(Placement placement, double rateHz, long seed, String prescribed,
            List<SetScript> sets) {
        return AnalysedSimulation.analyse(placement, rateHz, seed, prescribed, sets);
    }

    static List<AnalysedRep> reps(List<TrainingRecord> records) {
        return records.stream().filter(r -> r instanceof AnalysedRep a && !a.rep().isometric())
                .map(r -> (AnalysedRep) r).toList();
    }

    /** The final figures of each set (the last update of each). */
    static List<SetAnalysis> sets(List<TrainingRecord> records) {
        Map<String, SetAnalysis> last = new LinkedHashMap<>();
        records.stream().filter(r -> r instanceof SetAnalysis).map(r -> (SetAnalysis) r)
                .forEach(s -> last.put(s.deviceId() + "/" + s.startMs(), s));
        return List.copyOf(last.values());
    }
}
