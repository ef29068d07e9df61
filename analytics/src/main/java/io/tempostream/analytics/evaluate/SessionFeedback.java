package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Live feedback over a session as athletes train it: three sets of 8 with 30 s of rest between
 * them, not one set after a long rest. A set's first reps are where the engine must tell a rep
 * from getting ready, and the rest before the second and third set is shorter than the one
 * before the first: a set read from its wrong end, or a phantom rep offered before a set, shows
 * only here.
 */
final class SessionFeedback {
    private static final long STILL_BEFORE_MS = 6_000;
    private static final long REST_BETWEEN_MS = 30_000;
    private static final int SETS = 3;
    private static final int REPS = 8;

    record Cell(Exercise exercise, String tempo, Placement placement) {
    }

    static final List<Cell> CELLS = List.of(
            new Cell(Exercise.DUMBBELL_ROW, "3-1-3-0", Placement.WRIST),
            new Cell(Exercise.DUMBBELL_ROW, "2-1-2-0", Placement.WRIST),
            new Cell(Exercise.DUMBBELL_ROW, "2-0-2-0", Placement.WRIST),
            new Cell(Exercise.PENDLAY_ROW, "3-1-3-0", Placement.WRIST),
            new Cell(Exercise.PENDLAY_ROW, "2-1-2-0", Placement.WRIST),
            new Cell(Exercise.PENDLAY_ROW, "2-0-2-0", Placement.WRIST),
            new Cell(Exercise.SQUAT, "3-1-3-0", Placement.WRIST),
            new Cell(Exercise.SQUAT, "2-1-2-0", Placement.WRIST),
            new Cell(Exercise.SQUAT, "2-0-2-0", Placement.WRIST),
            new Cell(Exercise.FACE_PULL, "3-1-3-0", Placement.WRIST),
            new Cell(Exercise.DUMBBELL_ROW, "3-1-3-0", Placement.BACK),
            new Cell(Exercise.FACE_PULL, "2-1-2-0", Placement.BACK));

    private SessionFeedback() {
    }

    static void run(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Live feedback over a session (%d sets of %d, %.0f s still before the first, %.0f s of"
                + " rest between, no hint; sensor time from a rep's return to its first report)%n%n", SETS, REPS,
                STILL_BEFORE_MS / 1000.0, REST_BETWEEN_MS / 1000.0);
        out.printf(Locale.ROOT, "| exercise | tempo | sensor | rate | sessions exact | reps timed | median (s) | 95th percentile (s) |"
                + " max (s) | reps heard of over 1 s late | offered, not confirmed |%n"
                + "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (Cell cell : CELLS) {
            for (double rateHz : LiveFeedback.RATES_HZ) {
                int exact = 0;
                int unconfirmed = 0;
                List<Double> seconds = new ArrayList<>();
                for (int seed = 0; seed < seeds; seed++) {
                    SimulatedDevice device = ExerciseSimulator.simulate(session(cell, rateHz), 1_764_000_000_000L, seed);
                    LiveReplay.Result result = LiveFeedback.replay(device, cell.placement(), false);
                    unconfirmed += result.unconfirmedStartsMs().size();
                    List<RepTruth> truth = device.reps();
                    if (result.reps().size() != truth.size()) {
                        continue; // miscounted: which report belongs to which rep is not known
                    }
                    exact++;
                    for (int k = 0; k < truth.size(); k++) {
                        seconds.add(LiveFeedback.secondsAfterReturn(result.reps().get(k), truth.get(k)));
                    }
                }
                long late = seconds.stream().filter(s -> s > 1).count();
                out.printf(Locale.ROOT, "| %s | %s | %s | %.0f Hz | %d of %d | %d | %s | %s | %s | %d | %d |%n",
                        cell.exercise().scriptName(), cell.tempo(), cell.placement().name().toLowerCase(Locale.ROOT), rateHz,
                        exact, seeds, seconds.size(), ReportLatency.quantile(seconds, 0.5),
                        ReportLatency.quantile(seconds, 0.95), ReportLatency.quantile(seconds, 1.0), late, unconfirmed);
            }
        }
    }

    private static SessionScript session(Cell cell, double rateHz) {
        List<SetScript> sets = new ArrayList<>();
        for (int s = 0; s < SETS; s++) {
            sets.add(SetScript.of(cell.exercise(), REPS, cell.tempo(), REST_BETWEEN_MS));
        }
        return new SessionScript("sim", "s", cell.placement(), rateHz, 10, STILL_BEFORE_MS, sets);
    }
}
