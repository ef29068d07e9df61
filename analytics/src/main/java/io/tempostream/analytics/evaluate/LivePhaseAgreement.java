package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.ExerciseHint;
import io.tempostream.analytics.detect.LivePhase;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.detect.RepPhase;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.SpeedCurve;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * How often the live phase names the phase the athlete is really in ({@link RepDetector#livePhase()},
 * what the live dashboard shows counting up): asked every 250 ms of sensor time, as the job asks it,
 * from the set's third rep to its last rep's end (the engine knows a set once it has shown itself).
 * A second table asks the same of wrist sets found by travel on every speed curve.
 */
final class LivePhaseAgreement {
    private static final long ASK_EVERY_MS = 250;

    private static final List<ReportLatency.Cell> CELLS = List.of(
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "3-1-3-1", Placement.WRIST),
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "2-1-2-1", Placement.WRIST),
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "2-0-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.PENDLAY_ROW, "3-1-3-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.SQUAT, "3-1-3-1", Placement.WRIST),
            new ReportLatency.Cell(Exercise.SQUAT, "2-0-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.FACE_PULL, "2-1-2-1", Placement.WRIST),
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "3-1-3-1", Placement.BACK),
            new ReportLatency.Cell(Exercise.FACE_PULL, "2-1-2-1", Placement.BACK));

    private LivePhaseAgreement() {
    }

    /** The wrist travel cells again on every speed curve, with human variability: the live phase reads a speed, whose shape is the athlete's. */
    private static final List<ReportLatency.Cell> CURVE_CELLS = List.of(
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "3-1-3-1", Placement.WRIST),
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "2-0-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.PENDLAY_ROW, "3-1-3-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.SQUAT, "3-1-3-1", Placement.WRIST),
            new ReportLatency.Cell(Exercise.SQUAT, "2-0-2-0", Placement.WRIST));

    static void run(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Live phase (asked every %d ms of sensor time from a set's third rep to its end; 8 reps at"
                + " 50 Hz, 20 s of rest after)%n%n", ASK_EVERY_MS);
        out.printf(Locale.ROOT, "| exercise | tempo | sensor | selected | moments | the true phase | another phase | none |%n"
                + "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |%n");
        for (ReportLatency.Cell cell : CELLS) {
            for (boolean selected : new boolean[] {true, false}) {
                int[] counts = new int[3]; // right, wrong, none
                for (int seed = 0; seed < seeds; seed++) {
                    count(cell, selected, seed, counts);
                }
                int moments = counts[0] + counts[1] + counts[2];
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %s | %s | %s |%n", cell.exercise().scriptName(), cell.tempo(),
                        cell.placement().name().toLowerCase(Locale.ROOT), selected ? "yes" : "no", moments,
                        percent(counts[0], moments), percent(counts[1], moments), percent(counts[2], moments));
            }
        }
        speedCurves(seeds, out);
    }

    /** The second table: {@link #CURVE_CELLS} on every speed curve, the exercise selected. */
    private static void speedCurves(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n### The same from the wrist on every speed curve (human variability, selected; the true phase"
                + " / another / none)%n%n| speed curve |");
        for (ReportLatency.Cell cell : CURVE_CELLS) {
            out.printf(Locale.ROOT, " %s %s |", cell.exercise().scriptName(), cell.tempo());
        }
        out.printf(Locale.ROOT, "%n| --- |%s%n", " ---: |".repeat(CURVE_CELLS.size()));
        for (SpeedCurve curve : SpeedCurve.values()) {
            out.printf(Locale.ROOT, "| %s |", curve.scriptName());
            for (ReportLatency.Cell cell : CURVE_CELLS) {
                int[] counts = new int[3];
                for (int seed = 0; seed < seeds; seed++) {
                    count(cell, curve, true, true, seed, counts);
                }
                int moments = counts[0] + counts[1] + counts[2];
                out.printf(Locale.ROOT, " %s / %s / %s |", percent(counts[0], moments), percent(counts[1], moments),
                        percent(counts[2], moments));
            }
            out.println();
        }
    }

    private static void count(ReportLatency.Cell cell, boolean selected, int seed, int[] counts) {
        count(cell, SpeedCurve.HALF_COSINE, false, selected, seed, counts);
    }

    private static void count(ReportLatency.Cell cell, SpeedCurve curve, boolean human, boolean selected, int seed, int[] counts) {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", cell.placement(), 50, 10, 5_000,
                List.of(SetScript.of(cell.exercise(), 8, cell.tempo(), 20_000).moving(curve, human))), 1_764_000_000_000L, seed);
        Recording r = device.toRecording();
        RepDetector detector = selected
                ? RepDetectors.forPlacement(cell.placement(), ExerciseHint.fromCliName(cell.exercise().scriptName()), "sim", "s")
                : RepDetectors.forPlacement(cell.placement(), "sim", "s");
        List<RepTruth> reps = device.reps();
        long askMs = reps.get(2).startMs();
        long untilMs = reps.get(reps.size() - 1).endMs();
        for (int i = 0; i < r.size(); i++) {
            long t = r.timestampsMs()[i];
            detector.accept(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], rep -> { });
            if (t >= askMs && t < untilMs) {
                askMs += ASK_EVERY_MS;
                LivePhase live = detector.livePhase();
                counts[live == null ? 2 : live.phase() == truePhase(reps, t) ? 0 : 1]++;
            }
        }
    }

    /** The phase the simulated athlete is in at {@code tMs}, null between reps. */
    private static RepPhase truePhase(List<RepTruth> reps, long tMs) {
        for (RepTruth rep : reps) {
            if (tMs < rep.startMs() || tMs >= rep.endMs()) {
                continue;
            }
            long[] lengths = rep.phaseLengthsInOrderMs();
            RepPhase[] names = rep.concentricFirst()
                    ? new RepPhase[] {RepPhase.CONCENTRIC, RepPhase.TOP_HOLD, RepPhase.ECCENTRIC, RepPhase.BOTTOM_PAUSE}
                    : new RepPhase[] {RepPhase.ECCENTRIC, RepPhase.BOTTOM_PAUSE, RepPhase.CONCENTRIC, RepPhase.TOP_HOLD};
            long start = rep.startMs();
            for (int p = 0; p < 4; p++) {
                if (tMs < start + lengths[p]) {
                    return names[p];
                }
                start += lengths[p];
            }
        }
        return null;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }
}
