package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long after a rep's way back ends the engine reports it, in the sensor's time: samples are
 * fed one by one, and a rep's report time is that of the sample it came out on. What the athlete
 * waits for, less the transport (batching, broker, watermark, sink). A set's first rep is apart:
 * a set is only believed once it repeats. A set's last rep is left out: silence closes it.
 */
final class ReportLatency {
    record Cell(Exercise exercise, String tempo, Placement placement) {
    }

    static final List<Cell> CELLS = List.of(
            new Cell(Exercise.DUMBBELL_ROW, "3-1-3-0", Placement.WRIST),
            new Cell(Exercise.DUMBBELL_ROW, "2-1-2-0", Placement.WRIST),
            new Cell(Exercise.DUMBBELL_ROW, "2-0-2-0", Placement.WRIST), // no hold at either end
            new Cell(Exercise.SQUAT, "2-1-2-0", Placement.WRIST),
            new Cell(Exercise.SQUAT, "2-0-2-0", Placement.WRIST),
            new Cell(Exercise.FACE_PULL, "3-1-3-0", Placement.WRIST),
            new Cell(Exercise.PRONE_Y_RAISE, "2-1-2-0", Placement.WRIST),
            new Cell(Exercise.DUMBBELL_ROW, "3-1-3-0", Placement.BACK),
            new Cell(Exercise.FACE_PULL, "2-1-2-0", Placement.BACK));

    private ReportLatency() {
    }

    static void run(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Report latency (sensor time from a rep's return to its report, 50 Hz, 8 reps, no hint)%n%n"
                + "| exercise | tempo | sensor | reps | median (s) | 95th percentile (s) | first rep of a set: median (s) |%n"
                + "| --- | --- | --- | ---: | ---: | ---: | ---: |%n");
        for (Cell cell : CELLS) {
            List<Double> later = new ArrayList<>();
            List<Double> first = new ArrayList<>();
            for (int seed = 0; seed < seeds; seed++) {
                measure(cell, seed, first, later);
            }
            out.printf(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s |%n", cell.exercise().scriptName(), cell.tempo(),
                    cell.placement().name().toLowerCase(Locale.ROOT), later.size(), quantile(later, 0.5),
                    quantile(later, 0.95), quantile(first, 0.5));
        }
    }

    /** Adds the latency of every rep of one simulated set but its last, if the set was counted exactly. */
    private static void measure(Cell cell, int seed, List<Double> first, List<Double> later) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", cell.placement(), 50, 10, 5_000,
                List.of(SetScript.of(cell.exercise(), 8, cell.tempo(), 10_000))), 1_764_000_000_000L, seed);
        List<Long> reportedAt = LiveReplay.replay(RepDetectors.forPlacement(cell.placement(), "sim", "s"), device.toRecording())
                .reps().stream().map(LiveReplay.TimedRep::reportedAtMs).toList();
        List<RepTruth> truth = device.reps();
        if (reportedAt.size() != truth.size()) {
            return; // miscounted: which report belongs to which rep is not known
        }
        for (int k = 0; k + 1 < truth.size(); k++) {
            double seconds = (reportedAt.get(k) - truth.get(k).returnEndMs()) / 1000.0;
            (k == 0 ? first : later).add(seconds);
        }
    }

    static String quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return "–";
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%.1f", sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))));
    }
}
