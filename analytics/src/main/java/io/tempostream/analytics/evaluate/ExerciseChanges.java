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
 * Sessions that change exercise: a set of one, rest, a set of the next. In the rest's last 3 s
 * the simulated athlete moves into the next exercise's position, so the step and the turn into
 * the new pose come right before the set, as they do when someone walks from the cable station to
 * the dumbbells. Counted per session (both sets exact), and when the athlete first hears of the
 * next set's reps, fed sample by sample as the job feeds them.
 */
final class ExerciseChanges {
    private static final double RATE_HZ = 50;
    private static final int REPS = 6;
    private static final long REST_MS = 90_000;
    private static final Exercise[][] CHANGES = {
        {Exercise.FACE_PULL, Exercise.DUMBBELL_ROW},
        {Exercise.PRONE_Y_RAISE, Exercise.DUMBBELL_ROW},
        {Exercise.DUMBBELL_ROW, Exercise.FACE_PULL},
        {Exercise.DUMBBELL_ROW, Exercise.PRONE_Y_RAISE},
        {Exercise.SQUAT, Exercise.PENDLAY_ROW},
        {Exercise.PENDLAY_ROW, Exercise.FACE_PULL},
    };

    private ExerciseChanges() {
    }

    static void run(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Exercise changes within a session (%.0f Hz, %d reps at 2-1-2-0, %d s of rest ending"
                + " with 3 s of moving into the next exercise's position, %d reps of the next at 3-1-3-0)%n%n", RATE_HZ, REPS,
                REST_MS / 1000, REPS);
        out.printf(Locale.ROOT, "| first, then | sensor | selected | sessions exact | next set's first rep heard of:"
                + " median (s) | max (s) | next set, every rep: 95th percentile (s) | offered, not confirmed |%n"
                + "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |%n");
        for (Exercise[] change : CHANGES) {
            for (Placement placement : List.of(Placement.WRIST, Placement.BACK)) {
                for (boolean selected : new boolean[] {false, true}) {
                    row(change[0], change[1], placement, selected, seeds, out);
                }
            }
        }
    }

    private static void row(Exercise first, Exercise next, Placement placement, boolean selected, int seeds, PrintStream out) {
        int exact = 0;
        int unconfirmed = 0;
        List<Double> firstRep = new ArrayList<>();
        List<Double> every = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", placement, RATE_HZ, 10, 5_000,
                    List.of(SetScript.of(first, REPS, "2-1-2-0", REST_MS), SetScript.of(next, REPS, "3-1-3-0", 30_000))),
                    1_764_000_000_000L, seed);
            LiveReplay.Result result = LiveFeedback.replay(device, placement, selected);
            unconfirmed += result.unconfirmedStartsMs().size();
            List<RepTruth> truth = device.reps();
            if (result.reps().size() != truth.size()) {
                continue; // miscounted: which report belongs to which rep is not known
            }
            exact++;
            for (int k = REPS; k < truth.size(); k++) {
                double seconds = LiveFeedback.secondsAfterReturn(result.reps().get(k), truth.get(k));
                every.add(seconds);
                if (k == REPS) {
                    firstRep.add(seconds);
                }
            }
        }
        out.printf(Locale.ROOT, "| %s, then %s | %s | %s | %d of %d | %s | %s | %s | %d |%n", first.scriptName(),
                next.scriptName(), placement.name().toLowerCase(Locale.ROOT), selected ? "yes" : "no", exact, seeds,
                ReportLatency.quantile(firstRep, 0.5), ReportLatency.quantile(firstRep, 1.0), ReportLatency.quantile(every, 0.95),
                unconfirmed);
    }
}
