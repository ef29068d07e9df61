package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.analytics.detect.RepDetectors;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

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

    static final List<ReportLatency.Cell> CELLS = List.of(
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "3-1-3-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "2-1-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "2-0-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.PENDLAY_ROW, "3-1-3-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.PENDLAY_ROW, "2-1-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.PENDLAY_ROW, "2-0-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.SQUAT, "3-1-3-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.SQUAT, "2-1-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.SQUAT, "2-0-2-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.FACE_PULL, "3-1-3-0", Placement.WRIST),
            new ReportLatency.Cell(Exercise.DUMBBELL_ROW, "3-1-3-0", Placement.BACK),
            new ReportLatency.Cell(Exercise.FACE_PULL, "2-1-2-0", Placement.BACK));

    private SessionFeedback() {
    }

    static void run(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Live feedback over a session (%d sets of %d, %.0f s still before the first, %.0f s of"
                + " rest between, no hint; sensor time from a rep's return to its first report)%n%n", SETS, REPS,
                STILL_BEFORE_MS / 1000.0, REST_BETWEEN_MS / 1000.0);
        out.printf(Locale.ROOT, "| exercise | tempo | sensor | rate | sessions exact | reps timed | median (s) | 95th percentile (s) |"
                + " max (s) | reps heard of over 1 s late | offered, not confirmed |%n"
                + "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (ReportLatency.Cell cell : CELLS) {
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

    /**
     * The same sessions from the wrist as another sensor would see them: each speed curve with
     * human rep-to-rep variability, at 25 to 200 Hz, and with 0.02 g more accelerometer noise than
     * the simulator's 0.01 g (a cheaper sensor, or one strapped loosely). Rows, Pendlay rows and
     * squats at 3-1-3-0 and 2-0-2-0 per line; a rep is timed when a final rep ends within 1 s of
     * its true end, "not found" otherwise.
     */
    static void runOtherSensors(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n### The same sessions from other sensors (wrist; rows, Pendlay rows and squats at 3-1-3-0 and"
                + " 2-0-2-0; every speed curve with human variability)%n%n");
        out.printf(Locale.ROOT, "| speed curve | rate | extra noise | sessions exact | reps | not found | 95th percentile (s) |"
                + " reps heard of over 1 s late | offered, not confirmed |%n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (SpeedCurve curve : SpeedCurve.values()) {
            for (double rateHz : OTHER_RATES_HZ) {
                for (double noiseG : EXTRA_NOISE_G) {
                    int sessions = 0;
                    int exact = 0;
                    int reps = 0;
                    int notFound = 0;
                    int unconfirmed = 0;
                    List<Double> seconds = new ArrayList<>();
                    for (Exercise exercise : List.of(Exercise.DUMBBELL_ROW, Exercise.PENDLAY_ROW, Exercise.SQUAT)) {
                        for (String tempo : List.of("3-1-3-0", "2-0-2-0")) {
                            for (int seed = 0; seed < seeds; seed++) {
                                ReportLatency.Cell cell = new ReportLatency.Cell(exercise, tempo, Placement.WRIST);
                                SimulatedDevice device = ExerciseSimulator.simulate(session(cell, rateHz, curve),
                                        1_764_000_000_000L, seed);
                                Recording recording = noiseG == 0 ? device.toRecording()
                                        : device.toRecording().withAccelerometerNoise(noiseG, new Random(seed * 31 + 7));
                                LiveReplay.Result result = LiveReplay.replay(
                                        RepDetectors.forPlacement(Placement.WRIST, "sim", "s"), recording);
                                sessions++;
                                unconfirmed += result.unconfirmedStartsMs().size();
                                if (result.reps().size() == device.reps().size()) {
                                    exact++;
                                }
                                for (RepTruth truth : device.reps()) {
                                    reps++;
                                    LiveReplay.TimedRep found = nearestByEnd(result.reps(), truth.endMs());
                                    if (found == null || Math.abs(found.rep().endMs() - truth.endMs()) > 1_000) {
                                        notFound++;
                                    } else {
                                        seconds.add((found.firstKnownAtMs() - truth.endMs()) / 1000.0);
                                    }
                                }
                            }
                        }
                    }
                    long late = seconds.stream().filter(s -> s > 1).count();
                    out.printf(Locale.ROOT, "| %s | %.0f Hz | %.2f g | %d of %d | %d | %d | %s | %d | %d |%n",
                            curve.name().toLowerCase(Locale.ROOT).replace('_', '-'), rateHz, noiseG, exact, sessions, reps,
                            notFound, ReportLatency.quantile(seconds, 0.95), late, unconfirmed);
                }
            }
        }
    }

    private static final double[] OTHER_RATES_HZ = {25, 50, 100, 200};
    private static final double[] EXTRA_NOISE_G = {0, 0.02};

    /** The rep of {@code reps} whose end is nearest {@code endMs}, or null if there is none. */
    static LiveReplay.TimedRep nearestByEnd(List<LiveReplay.TimedRep> reps, long endMs) {
        LiveReplay.TimedRep nearest = null;
        for (LiveReplay.TimedRep rep : reps) {
            if (nearest == null || Math.abs(rep.rep().endMs() - endMs) < Math.abs(nearest.rep().endMs() - endMs)) {
                nearest = rep;
            }
        }
        return nearest;
    }

    private static SessionScript session(ReportLatency.Cell cell, double rateHz) {
        return session(cell, rateHz, null);
    }

    /** Three sets of the cell's exercise; moving on {@code curve} with human variability, or as the simulator's own sets if null. */
    private static SessionScript session(ReportLatency.Cell cell, double rateHz, SpeedCurve curve) {
        List<SetScript> sets = new ArrayList<>();
        for (int s = 0; s < SETS; s++) {
            SetScript set = SetScript.of(cell.exercise(), REPS, cell.tempo(), REST_BETWEEN_MS);
            sets.add(curve == null ? set : set.moving(curve, true));
        }
        return new SessionScript("sim", "s", cell.placement(), rateHz, 10, STILL_BEFORE_MS, sets);
    }
}
