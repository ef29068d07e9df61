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
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The evaluate command's table of messages lost on the way: MQTT at QoS 0 over a phone's radio, or
 * a broker dropping messages for a subscriber that fell behind, leaves gaps in a device's samples.
 * Whole messages (10 samples, 100 ms at 100 Hz) are lost, one at a time or in runs, in two sets of
 * rows (and other exercises) at 3-1-3-0 with no selection; a run of 1 s or more is a dropout.
 */
final class LostMessages {
    private static final double RATE_HZ = 100;
    private static final int BATCH = 10;
    private static final int REPS = 8;
    /** A rep is timed right when its start and end are within this of the true ones. */
    private static final long TIMED_RIGHT_MS = 400;

    private record Loss(int percent, int run) {
        String describe() {
            return percent == 0 ? "none" : percent + " % of messages, " + (run == 1 ? "one at a time"
                    : "in runs of " + run + " (" + run * BATCH * 1000 / (int) RATE_HZ + " ms)");
        }
    }

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
                    row(exercise, placement, loss, sessions, out);
                }
            }
        }
    }

    private static void row(Exercise exercise, Placement placement, Loss loss, int seeds, PrintStream out) {
        int exact = 0;
        int counted = 0;
        int timedRight = 0;
        int truths = 0;
        List<Long> liveMs = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", placement, RATE_HZ, BATCH,
                    10_000, List.of(SetScript.of(exercise, REPS, "3-1-3-0", 30_000),
                            SetScript.of(exercise, REPS, "3-1-3-0", 10_000))), 1_764_000_000_000L, seed);
            List<RepTruth> truth = device.reps();
            Recording lossy = losing(device.toRecording(), new MessageLoss(loss.percent(), loss.run(), seed + 200));
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
        out.printf(Locale.ROOT, "| %s | %s | %s | %d of %d | %d of %d | %d | %s | %s |%n", exercise.scriptName(),
                placement.name().toLowerCase(Locale.ROOT), loss.describe(), exact, seeds, counted, truths, timedRight,
                seconds(sorted, 0.95), seconds(sorted, 1.0));
    }

    private static String seconds(long[] sortedMs, double share) {
        if (sortedMs.length == 0) {
            return "–";
        }
        int k = Math.min(sortedMs.length - 1, (int) Math.ceil(share * sortedMs.length) - 1);
        return String.format(Locale.ROOT, "%.1f", sortedMs[Math.max(0, k)] / 1000.0);
    }

    /** {@code r} without the messages {@code loss} takes: every {@link #BATCH} samples are one message. */
    private static Recording losing(Recording r, MessageLoss loss) {
        boolean[] kept = new boolean[r.size()];
        for (int m = 0; m * BATCH < r.size(); m++) {
            Arrays.fill(kept, m * BATCH, Math.min(r.size(), (m + 1) * BATCH), !loss.nextLost());
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
