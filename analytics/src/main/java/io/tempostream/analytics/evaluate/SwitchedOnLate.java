package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.Recording;
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
import java.util.Random;

/**
 * The evaluate command's table of sensors switched on shortly before a set, as an athlete does who
 * starts the app and lifts: too little rest in view to learn the gyroscope's offset before the
 * first rep, and a 3-1-3-0 set's holds last 1 s. Switched on 3 s before with the simulator's own
 * offset (0.5 deg/s per axis), and 2 s before with 1.5 deg/s more in a direction drawn per seed
 * (MEMS parts are specified to ±3 deg/s per axis). The upper back's small, slow turns are what an
 * offset spoils; the wrist's rows are found from the accelerometer, its pulls turn 60–120°.
 */
final class SwitchedOnLate {
    private static final double RATE_HZ = 50;
    private static final int REPS = 8;
    private static final Exercise[] BACK = {Exercise.DUMBBELL_ROW, Exercise.PRONE_Y_RAISE, Exercise.FACE_PULL,
        Exercise.PENDLAY_ROW};
    private static final Exercise[] WRIST = {Exercise.DUMBBELL_ROW, Exercise.PRONE_Y_RAISE, Exercise.FACE_PULL,
            Exercise.SQUAT};
    /** A rep is timed right when its start and end are within this of the true ones. */
    private static final long TIMED_RIGHT_MS = 400;

    private record Condition(long beforeSetMs, double addedOffsetDps) {
    }

    private static final List<Condition> CONDITIONS = List.of(new Condition(3_000, 0), new Condition(2_000, 1.5));

    private SwitchedOnLate() {
    }

    static void run(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Sensors switched on shortly before the set (%.0f Hz, %d reps at 3-1-3-0,"
                + " no selection)%n%n", RATE_HZ, REPS);
        out.printf(Locale.ROOT, "\"timed right\": the count exact and every rep's start and end within %d ms of the"
                + " true ones (a set whose first way out is lost pairs each way back with the next way out)."
                + " \"offers taken back\": reps offered live, provisional, that no final rep confirmed."
                + " \"first rep heard of\": from the set's first true rep's end to the sample on which it was first"
                + " offered or reported, where found (end within 1 s).%n%n",
                TIMED_RIGHT_MS);
        out.printf(Locale.ROOT, "| exercise | sensor | switched on before the set (s) | offset added (deg/s) | sets exact |"
                + " sets timed right | reps counted | offers taken back | first rep heard of: median (s) | max (s) |%n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (Placement placement : List.of(Placement.BACK, Placement.WRIST)) {
            for (Condition condition : CONDITIONS) {
                for (Exercise exercise : placement == Placement.BACK ? BACK : WRIST) {
                    row(exercise, placement, condition, seeds, out);
                }
            }
        }
    }

    private static void row(Exercise exercise, Placement placement, Condition condition, int seeds, PrintStream out) {
        int exact = 0;
        int timedRight = 0;
        int counted = 0;
        int takenBack = 0;
        List<Double> firstRepS = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", placement, RATE_HZ, 10,
                    10_000, List.of(SetScript.of(exercise, REPS, "3-1-3-0", 10_000))), 1_764_000_000_000L, seed);
            List<RepTruth> truth = device.reps();
            Recording switchedOn = device.toRecording().between(truth.get(0).startMs() - condition.beforeSetMs(),
                    Long.MAX_VALUE);
            Recording recording = withOffset(switchedOn, condition.addedOffsetDps(), new Random(seed + 100));
            LiveReplay.Result live = LiveReplay.replay(RepDetectors.forPlacement(placement, "sim", "s"), recording);
            List<Rep> reps = live.reps().stream().map(LiveReplay.TimedRep::rep).toList();
            counted += reps.size();
            takenBack += live.unconfirmedStartsMs().size();
            LiveReplay.TimedRep first = SessionFeedback.nearestByEnd(live.reps(), truth.get(0).endMs());
            if (first != null && Math.abs(first.rep().endMs() - truth.get(0).endMs()) <= 1_000) {
                firstRepS.add((first.firstKnownAtMs() - truth.get(0).endMs()) / 1000.0);
            }
            if (reps.size() != truth.size()) {
                continue;
            }
            exact++;
            boolean right = true;
            for (int i = 0; i < reps.size(); i++) {
                right &= Math.abs(reps.get(i).startMs() - truth.get(i).startMs()) <= TIMED_RIGHT_MS
                        && Math.abs(reps.get(i).endMs() - truth.get(i).endMs()) <= TIMED_RIGHT_MS;
            }
            timedRight += right ? 1 : 0;
        }
        out.printf(Locale.ROOT, "| %s | %s | %.0f | %.1f | %d of %d | %d of %d | %d of %d | %d | %s | %s |%n",
                exercise.scriptName(), placement.name().toLowerCase(Locale.ROOT), condition.beforeSetMs() / 1000.0,
                condition.addedOffsetDps(), exact, seeds, timedRight, seeds, counted, seeds * REPS, takenBack,
                ReportLatency.quantile(firstRepS, 0.5), ReportLatency.quantile(firstRepS, 1.0));
    }

    /** {@code r} with {@code dps} added to its gyroscope, about a direction drawn from {@code random}. */
    private static Recording withOffset(Recording r, double dps, Random random) {
        double x = random.nextGaussian();
        double y = random.nextGaussian();
        double z = random.nextGaussian();
        double scale = dps / Math.sqrt(x * x + y * y + z * z);
        return r.withGyroscopeOffset(x * scale, y * scale, z * scale);
    }
}
