package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
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
 * Sets slower than any tempo the other tables prescribe: 10 s a rep (4-1-4-1, 5-0-5-0) and 12 s
 * (5-1-5-1), six reps from rest, without and with a selection: how many are counted, and how
 * late each is first known. Where the engine's limits lie: the travel's band
 * (0.07 Hz) passes a 10 s rep, and a back sensor's slow retraction turns about as fast as a
 * gyroscope's offset drifts.
 */
final class SlowSets {
    static final String[] TEMPOS = {"4-1-4-1", "5-0-5-0", "5-1-5-1"};
    static final double[] RATES_HZ = {25, 100};
    static final int REPS = 6;
    /** A found rep is its true rep if it ends within this of it (as the live tables match). */
    static final long MATCH_MS = 1_500;

    private SlowSets() {
    }

    static void run(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Slow sets (%d reps from rest, 90 s of rest after; without a selection, and with the"
                + " exercise selected 4 s before the set)%n%n"
                + "\"exact\": the count right and each rep ending within %.1f s of its true end (a set read from its resting"
                + " end is half a rep off). \"live\": sensor time from a true rep's end to the first report, provisional or"
                + " final, of the rep found nearest it (within %.1f s).%n%n"
                + "| tempo | rep (s) | exercise | sensor | rate | sets exact | reps found | live p50 / p95 / max (s) |"
                + " selected: sets exact | selected: live p50 / p95 / max (s) |%n"
                + "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |%n", REPS, MATCH_MS / 1000.0,
                MATCH_MS / 1000.0);
        for (String tempo : TEMPOS) {
            for (SpeedCurveEvaluation.Cell cell : SpeedCurveEvaluation.CELLS) {
                if (cell.exercise() == Exercise.PRONE_Y_RAISE) {
                    continue; // turns as the face pull does: one rotation row per placement is enough
                }
                for (double rateHz : RATES_HZ) {
                    Outcome unselected = measure(tempo, cell, rateHz, seeds, false);
                    Outcome selected = measure(tempo, cell, rateHz, seeds, true);
                    out.printf(Locale.ROOT, "| %s | %.0f | %s | %s | %.0f Hz | %d of %d | %d of %d | %s | %d of %d | %s |%n",
                            tempo, TempoPrescription.parse(tempo).repDurationMs() / 1000.0, cell.exercise().scriptName(),
                            cell.placement().name().toLowerCase(Locale.ROOT), rateHz, unselected.exact(), seeds,
                            unselected.found(), REPS * seeds, unselected.live(), selected.exact(), seeds, selected.live());
                }
            }
        }
    }

    /** Sets counted exactly, reps found, and each true rep's delay to its first report, over {@code seeds} sets. */
    private record Outcome(int exact, int found, List<Double> liveS) {
        String live() {
            return ReportLatency.quantile(liveS, 0.5) + " / " + ReportLatency.quantile(liveS, 0.95) + " / "
                    + ReportLatency.quantile(liveS, 1.0);
        }
    }

    private static Outcome measure(String tempo, SpeedCurveEvaluation.Cell cell, double rateHz, int seeds,
            boolean selected) {
        int exact = 0;
        int found = 0;
        List<Double> liveS = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", cell.placement(), rateHz, 10,
                    5_000, List.of(SetScript.of(cell.exercise(), REPS, tempo, 90_000))), 1_764_000_000_000L, 31L * seed + 7);
            RepDetector detector = RepDetectors.forPlacement(cell.placement(), "sim", "s");
            if (selected) {
                device.selections().forEach(detector::select);
            }
            List<LiveReplay.TimedRep> timed = LiveReplay.replay(detector, device.toRecording()).reps().stream()
                    .filter(t -> !t.rep().isometric()).toList();
            List<Rep> reps = timed.stream().map(LiveReplay.TimedRep::rep).toList();
            List<RepTruth> truth = device.reps();
            for (RepTruth rep : truth) {
                LiveReplay.TimedRep nearest = SessionFeedback.nearestByEnd(timed, rep.endMs());
                if (nearest != null && Math.abs(nearest.rep().endMs() - rep.endMs()) <= MATCH_MS) {
                    liveS.add((nearest.firstKnownAtMs() - rep.endMs()) / 1000.0);
                }
            }
            found += reps.size();
            exact += matches(reps, truth) ? 1 : 0;
        }
        return new Outcome(exact, found, liveS);
    }

    private static boolean matches(List<Rep> reps, List<RepTruth> truth) {
        if (reps.size() != truth.size()) {
            return false;
        }
        for (int k = 0; k < truth.size(); k++) {
            if (Math.abs(reps.get(k).endMs() - truth.get(k).endMs()) > MATCH_MS) {
                return false;
            }
        }
        return true;
    }
}
