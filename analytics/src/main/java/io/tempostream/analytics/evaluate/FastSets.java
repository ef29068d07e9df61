package io.tempostream.analytics.evaluate;

import io.tempostream.simulator.SpeedCurve;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Touch-and-go sets faster than any tempo the other tables prescribe: 1 s up and 1 s down, and
 * 0.7 s each way (1.4 s a rep, the pace of the real barbell rows in ../shared), on every speed
 * curve with human variability, at 12.5 Hz (the MetaWear accelerometer's rate) to 100 Hz. With no
 * pause at either end the wrist never rests between reps, so nothing "settles" before the next
 * rep sets off; this is where the travel detector's looks at a rep's return are tested.
 */
final class FastSets {
    static final String[] TEMPOS = {"1-0-1-0", "0.7-0-0.7-0"};
    static final double[] RATES_HZ = {12.5, 25, 50, 100};

    private FastSets() {
    }

    static void run(int seeds, PrintStream out) {
        ExactSets total = new ExactSets();
        out.printf(Locale.ROOT, "%n## Fast sets (8 touch-and-go reps, 90 s of rest after; %d speed curves with human"
                + " variability, %d sets a curve)%n%n"
                + "\"live\": sensor time from a rep's return to its first report, provisional or final, over the sets"
                + " counted exactly; \"later reps\" leaves out each set's first. Selected: the exercise chosen 4 s before"
                + " the set, as the app sends it.%n%n"
                + "| tempo | exercise | sensor | rate | sets exact | live p95 / max (s) | selected: sets exact |"
                + " selected: live p95 / max (s) | selected: later reps p95 (s) | selected: offered, not confirmed |%n"
                + "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n", SpeedCurve.values().length, seeds);
        for (String tempo : TEMPOS) {
            for (SpeedCurveEvaluation.Cell cell : SpeedCurveEvaluation.CELLS) {
                for (double rateHz : RATES_HZ) {
                    SpeedCurveEvaluation.Errors errors =
                            SpeedCurveEvaluation.overEveryCurve(tempo, cell, new double[] {rateHz}, seeds);
                    total.add(errors);
                    out.printf(Locale.ROOT, "| %s | %s | %s | %s Hz | %d of %d | %s / %s | %d of %d | %s / %s | %s | %d |%n",
                            tempo, cell.exercise().scriptName(), cell.placement().name().toLowerCase(Locale.ROOT),
                            rateHz == Math.rint(rateHz) ? String.valueOf((long) rateHz) : String.valueOf(rateHz),
                            errors.exact, errors.sets, ReportLatency.quantile(errors.liveDelayS, 0.95),
                            ReportLatency.quantile(errors.liveDelayS, 1.0), errors.selectedExact, errors.sets,
                            ReportLatency.quantile(errors.selectedLiveDelayS, 0.95),
                            ReportLatency.quantile(errors.selectedLiveDelayS, 1.0),
                            ReportLatency.quantile(errors.selectedLaterLiveDelayS, 0.95), errors.selectedUnconfirmed);
                }
            }
        }
        out.print(total.summary("Fast sets"));
    }
}
