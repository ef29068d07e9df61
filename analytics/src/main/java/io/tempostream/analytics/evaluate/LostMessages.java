package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.MessageLoss;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.SpeedCurve;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The evaluate command's table of messages lost on the way: MQTT at QoS 0 over a phone's radio, or
 * a broker dropping messages for a subscriber that fell behind, leaves gaps in a device's samples.
 * Whole messages (10 samples, 100 ms at 100 Hz) are lost, one at a time or in runs, in two sets of
 * rows (and other exercises) at 3-1-3-0 with no selection; a run of 1 s or more is a dropout. A
 * second table loses them on the other speed curves at 25 and 50 Hz.
 */
final class LostMessages {
    private static final double RATE_HZ = 100;
    private static final int BATCH = 10;
    private static final int REPS = 8;
    /** A rep is timed right when its start and end are within this of the true ones. */
    private static final long TIMED_RIGHT_MS = 400;

    private record Loss(int percent, int run) {
        String describe(int messageMs) {
            if (percent == 0) {
                return "none";
            }
            return run == 1 ? percent + " % of messages, one at a time"
                    : String.format(Locale.ROOT, "runs of %d (%d ms) from %d %% of messages: %.1f %% lost", run,
                            run * messageMs, percent, 100 * MessageLoss.lostShare(percent, run));
        }
    }

    /** How the sets move and how fast the sensor samples; a message holds {@code batch} samples. */
    private record Motion(SpeedCurve curve, boolean human, double rateHz, int batch) {
        int messageMs() {
            return (int) Math.round(batch * 1000 / rateHz);
        }
    }

    private static final Motion DEFAULT_MOTION = new Motion(SpeedCurve.HALF_COSINE, false, RATE_HZ, BATCH);

    /**
     * The second table's motions: the other speed curves with human variability, at the rates of
     * the other tables' slower sensors, each message 0.1 s of samples (3, 0.12 s, at 25 Hz).
     */
    private static final List<Double> OTHER_RATES_HZ = List.of(25.0, 50.0);
    private static final List<Loss> OTHER_LOSSES = List.of(new Loss(0, 1), new Loss(5, 1), new Loss(1, 5), new Loss(1, 8));
    /** Sessions a row in the second table: half the first's, over 128 rows to its 36 (at a quarter to half its rate). */
    private static final int OTHER_SESSIONS_PER_SEED = 2;

    private static final List<Loss> LOSSES = List.of(new Loss(0, 1), new Loss(5, 1), new Loss(10, 1), new Loss(2, 3),
            new Loss(1, 5), new Loss(1, 8));

    private LostMessages() {
    }

    /**
     * Four times the other tables' sessions a row: two runs of lost messages that meet make a
     * dropout, rare enough that at ten sessions a row the six of forty sessions it cut were out of view.
     */
    private static final int SESSIONS_PER_SEED = 4;

    static void run(int seeds, PrintStream out) {
        int sessions = SESSIONS_PER_SEED * seeds;
        out.printf(Locale.ROOT, "%n## Messages lost on the way (%.0f Hz, %d samples a message, two sets of %d reps"
                + " at 3-1-3-0, no selection, %d sessions a row)%n%n", RATE_HZ, BATCH, REPS, sessions);
        out.printf(Locale.ROOT, "\"timed right\": a rep whose start and end are within %d ms of a true rep's."
                + " \"live\": from a rep's true end to the sample on which it was first offered or reported,"
                + " over the true reps found.%n%n", TIMED_RIGHT_MS);
        out.printf(Locale.ROOT, "| exercise | sensor | lost | sessions exact | reps counted | reps timed right |"
                + " live p95 (s) | live max (s) |%n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |%n");
        for (Placement placement : List.of(Placement.WRIST, Placement.BACK)) {
            List<Exercise> exercises = placement == Placement.WRIST
                    ? List.of(Exercise.DUMBBELL_ROW, Exercise.PENDLAY_ROW, Exercise.SQUAT, Exercise.FACE_PULL)
                    : List.of(Exercise.DUMBBELL_ROW, Exercise.FACE_PULL);
            for (Exercise exercise : exercises) {
                for (Loss loss : LOSSES) {
                    row(exercise, placement, DEFAULT_MOTION, loss, sessions, false, out);
                }
            }
        }
        otherMotions(seeds, out);
    }

    /**
     * The same losses where the sets move along the other speed curves, with human variability,
     * from sensors sampling at 25 and 50 Hz: a gap is filled in by the set's own rep period, and
     * the table above holds one curve and one rate.
     */
    private static void otherMotions(int seeds, PrintStream out) {
        int sessions = OTHER_SESSIONS_PER_SEED * seeds;
        out.printf(Locale.ROOT, "%n### The same losses on the other speed curves (human variability) at 25 and 50 Hz,"
                + " messages of 0.1 s (3 samples, 0.12 s, at 25 Hz), %d sessions a row%n%n", sessions);
        out.printf(Locale.ROOT, "| curve | rate | exercise | sensor | lost | sessions exact | reps counted |"
                + " reps timed right | live p95 (s) | live max (s) |%n"
                + "| --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |%n");
        List<SpeedCurve> curves = List.of(SpeedCurve.MINIMUM_JERK, SpeedCurve.TRAPEZOID, SpeedCurve.FAST_START,
                SpeedCurve.SLOW_START);
        for (SpeedCurve curve : curves) {
            for (double rate : OTHER_RATES_HZ) {
                Motion motion = new Motion(curve, true, rate, (int) Math.round(rate / 10));
                for (Placement placement : List.of(Placement.WRIST, Placement.BACK)) {
                    List<Exercise> exercises = placement == Placement.WRIST
                            ? List.of(Exercise.DUMBBELL_ROW, Exercise.SQUAT, Exercise.FACE_PULL)
                            : List.of(Exercise.DUMBBELL_ROW);
                    for (Exercise exercise : exercises) {
                        for (Loss loss : OTHER_LOSSES) {
                            row(exercise, placement, motion, loss, sessions, true, out);
                        }
                    }
                }
            }
        }
    }

    private static void row(Exercise exercise, Placement placement, Motion motion, Loss loss, int seeds,
            boolean motionColumns, PrintStream out) {
        int exact = 0;
        int counted = 0;
        int timedRight = 0;
        int truths = 0;
        List<Long> liveMs = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", placement, motion.rateHz(),
                    motion.batch(), 10_000, List.of(
                            SetScript.of(exercise, REPS, "3-1-3-0", 30_000).moving(motion.curve(), motion.human()),
                            SetScript.of(exercise, REPS, "3-1-3-0", 10_000).moving(motion.curve(), motion.human()))),
                    1_764_000_000_000L, seed);
            List<RepTruth> truth = device.reps();
            Recording lossy = losing(device.toRecording(), motion.batch(), new MessageLoss(loss.percent(), loss.run(), seed + 200));
            LiveReplay.Result live = LiveReplay.replay(RepDetectors.forPlacement(placement, "sim", "s"), lossy);
            truths += truth.size();
            counted += live.reps().size();
            exact += live.reps().size() == truth.size() ? 1 : 0;
            for (RepTruth t : truth) {
                for (LiveReplay.TimedRep timed : live.reps()) {
                    if (Math.abs(timed.rep().startMs() - t.startMs()) <= TIMED_RIGHT_MS
                            && Math.abs(timed.rep().endMs() - t.endMs()) <= TIMED_RIGHT_MS) {
                        timedRight++;
                        liveMs.add(timed.firstKnownAtMs() - t.endMs());
                        break;
                    }
                }
            }
        }
        long[] sorted = liveMs.stream().mapToLong(Long::longValue).sorted().toArray();
        if (motionColumns) {
            out.printf(Locale.ROOT, "| %s | %.0f Hz ", motion.curve().scriptName(), motion.rateHz());
        }
        out.printf(Locale.ROOT, "| %s | %s | %s | %d of %d | %d of %d | %d | %s | %s |%n", exercise.scriptName(),
                placement.name().toLowerCase(Locale.ROOT), loss.describe(motion.messageMs()), exact, seeds, counted,
                truths, timedRight, seconds(sorted, 0.95), seconds(sorted, 1.0));
    }

    private static String seconds(long[] sortedMs, double share) {
        if (sortedMs.length == 0) {
            return "–";
        }
        int k = Math.min(sortedMs.length - 1, (int) Math.ceil(share * sortedMs.length) - 1);
        return String.format(Locale.ROOT, "%.1f", sortedMs[Math.max(0, k)] / 1000.0);
    }

    /** {@code r} without the messages {@code loss} takes: every {@code batch} samples are one message. */
    private static Recording losing(Recording r, int batch, MessageLoss loss) {
        boolean[] kept = new boolean[r.size()];
        for (int m = 0; m * batch < r.size(); m++) {
            Arrays.fill(kept, m * batch, Math.min(r.size(), (m + 1) * batch), !loss.nextLost());
        }
        int n = 0;
        for (boolean k : kept) {
            n += k ? 1 : 0;
        }
        long[] t = new long[n];
        float[][] c = new float[6][n];
        float[][] from = {r.ax(), r.ay(), r.az(), r.gx(), r.gy(), r.gz()};
        for (int i = 0, j = 0; i < r.size(); i++) {
            if (kept[i]) {
                t[j] = r.timestampsMs()[i];
                for (int axis = 0; axis < 6; axis++) {
                    c[axis][j] = from[axis][i];
                }
                j++;
            }
        }
        return new Recording(t, c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}
