package io.tempostream.simulator;

import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.config.Flags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The workout the simulator performs: the same sets of rows for each of {@code athletes} athletes
 * ({@code athlete-1}, …), each wearing one wrist sensor ({@code wrist-1}).
 */
public record WorkoutOptions(
        int athletes,
        int sets,
        int reps,
        TempoPrescription tempo,
        double romDeg,
        long restBetweenSetsMs,
        double sampleRateHz,
        int batchSize,
        long seed) {

    public static final Set<String> FLAGS = Set.of("athletes", "sets", "reps", "tempo", "rom-deg", "rest-s", "rate",
            "batch", "seed");
    /** Standing still before the first rep and after the last one, so the first and last reps have context. */
    static final long LEAD_IN_MS = 3_000;
    static final long TRAILING_REST_MS = 5_000;

    public static WorkoutOptions fromFlags(Flags flags, int defaultAthletes, int defaultSets, int defaultReps) {
        TempoPrescription tempo;
        try {
            tempo = TempoPrescription.parse(flags.get("tempo", "3-1-3-0"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tempo: " + e.getMessage());
        }
        return new WorkoutOptions(
                flags.getInt("athletes", defaultAthletes, 1, 10_000),
                flags.getInt("sets", defaultSets, 1, 20),
                flags.getInt("reps", defaultReps, 1, 100),
                tempo,
                flags.getDouble("rom-deg", 70, 10, 180),
                Math.round(flags.getDouble("rest-s", 30, 16, 600) * 1000),
                flags.getDouble("rate", 100, 12.5, 200),
                flags.getInt("batch", 10, 1, 1000),
                flags.getLong("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /** Simulates every athlete's device, all starting at {@code startMs}. */
    public List<SimulatedDevice> simulate(long startMs) {
        List<SimulatedDevice> devices = new ArrayList<>();
        for (int a = 1; a <= athletes; a++) {
            List<SetPlan> plan = new ArrayList<>(Collections.nCopies(sets - 1,
                    new SetPlan(reps, tempo, romDeg, restBetweenSetsMs)));
            plan.add(new SetPlan(reps, tempo, romDeg, TRAILING_REST_MS));
            devices.add(WristRowSimulator.simulate(new DeviceSession("athlete-" + a, "wrist-1", Placement.WRIST,
                    startMs, sampleRateHz, batchSize, LEAD_IN_MS, plan, 0.05, seed + a)));
        }
        return devices;
    }
}
