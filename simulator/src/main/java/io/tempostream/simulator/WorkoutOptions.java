package io.tempostream.simulator;

import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.config.Flags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The workout the simulator performs: the same sets of one exercise (dumbbell rows unless said)
 * for each of {@code athletes} athletes ({@code athlete-1}, …), each wearing one sensor on the wrist
 * ({@code wrist-1}) or the upper back ({@code back-1}).
 *
 * @param romDeg the rows' range of motion at the shoulder; the other exercises move as their model says
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
        long seed,
        Exercise exercise,
        Placement placement) {

    public static final Set<String> FLAGS = Set.of("athletes", "sets", "reps", "tempo", "rom-deg", "rest-s", "rate",
            "batch", "seed", "exercise", "placement");

    /** Dumbbell rows with a wrist sensor. */
    public WorkoutOptions(int athletes, int sets, int reps, TempoPrescription tempo, double romDeg, long restBetweenSetsMs,
            double sampleRateHz, int batchSize, long seed) {
        this(athletes, sets, reps, tempo, romDeg, restBetweenSetsMs, sampleRateHz, batchSize, seed, Exercise.DUMBBELL_ROW,
                Placement.WRIST);
    }
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
                flags.getLong("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
                exercise(flags.get("exercise", Exercise.DUMBBELL_ROW.scriptName())),
                placement(flags.get("placement", "wrist")));
    }

    private static Exercise exercise(String name) {
        try {
            return Exercise.fromScriptName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }

    private static Placement placement(String name) {
        return switch (name) {
            case "wrist" -> Placement.WRIST;
            case "back" -> Placement.BACK;
            default -> throw new IllegalArgumentException("--placement must be wrist or back, got '" + name + "'");
        };
    }

    /** Simulates every athlete's device, all starting at {@code startMs}. */
    public List<SimulatedDevice> simulate(long startMs) {
        List<SimulatedDevice> devices = new ArrayList<>();
        if (exercise != Exercise.DUMBBELL_ROW || placement != Placement.WRIST) {
            // Any other exercise or the back sensor: the exercise models of session scripts.
            List<SetScript> plan = new ArrayList<>();
            for (int s = 1; s <= sets; s++) {
                plan.add(new SetScript(exercise, reps, tempo, s < sets ? restBetweenSetsMs : TRAILING_REST_MS, 0, 0, false, 0));
            }
            String device = placement == Placement.BACK ? "back-1" : "wrist-1";
            for (int a = 1; a <= athletes; a++) {
                devices.add(ExerciseSimulator.simulate(new SessionScript("athlete-" + a, device, placement, sampleRateHz,
                        batchSize, LEAD_IN_MS, plan), startMs, seed + a));
            }
            return devices;
        }
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
