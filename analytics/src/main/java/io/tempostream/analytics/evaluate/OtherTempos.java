package io.tempostream.analytics.evaluate;

import io.tempostream.simulator.SpeedCurve;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Tempos other than the 3-1-3-0 the speed-curve table prescribes, on every speed curve with human
 * variability, at 25, 50 and 100 Hz: an explosive concentric and a slow eccentric (1-0-3-0,
 * 2-1-4-0), a slow concentric (4-0-2-0), a long squeeze and a pause (2-2-4-1). Whether each set is
 * counted, with and without the exercise selected, how late its reps are first known, and how its
 * phases are timed.
 */
final class OtherTempos {
    static final String[] TEMPOS = {"1-0-3-0", "2-1-4-0", "4-0-2-0", "2-2-4-1"};
    static final double[] RATES_HZ = {25, 50, 100};

    private OtherTempos() {
    }

    static void run(int seeds, PrintStream out) {
        ExactSets total = new ExactSets();
        out.printf(Locale.ROOT, "%n## Other tempos (8 reps, 90 s of rest after; %d speed curves with human variability,"
                + " 25, 50 and 100 Hz, %d sets a curve and rate)%n%n"
                + "\"live\": sensor time from a rep's return to its first report, provisional or final, without a selection."
                + " Phase MAE over the sets counted exactly without a selection.%n%n"
                + "| tempo | exercise | sensor | sets exact | selected: sets exact | live p95 / max (s) |"
                + " phase MAE con/hold/ecc/pause (ms) |%n"
                + "| --- | --- | --- | ---: | ---: | ---: | --- |%n", SpeedCurve.values().length, seeds);
        for (String tempo : TEMPOS) {
            for (SpeedCurveEvaluation.Cell cell : SpeedCurveEvaluation.CELLS) {
                SpeedCurveEvaluation.Errors errors = SpeedCurveEvaluation.overEveryCurve(tempo, cell, RATES_HZ, seeds);
                total.add(errors);
                out.printf(Locale.ROOT, "| %s | %s | %s | %d of %d | %d of %d | %s / %s | %d / %d / %d / %d |%n", tempo,
                        cell.exercise().scriptName(), cell.placement().name().toLowerCase(Locale.ROOT), errors.exact,
                        errors.sets, errors.selectedExact, errors.sets, ReportLatency.quantile(errors.liveDelayS, 0.95),
                        ReportLatency.quantile(errors.liveDelayS, 1.0), errors.mae(0), errors.mae(1), errors.mae(2),
                        errors.mae(3));
            }
        }
        out.print(total.summary("Other tempos"));
    }
}
