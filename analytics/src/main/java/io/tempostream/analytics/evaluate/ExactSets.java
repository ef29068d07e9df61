package io.tempostream.analytics.evaluate;

import java.util.Locale;

/** A table's sets counted exactly over all its rows, without and with the exercise selected. */
final class ExactSets {
    private int sets;
    private int exact;
    private int selectedExact;

    void add(SpeedCurveEvaluation.Errors errors) {
        sets += errors.sets;
        exact += errors.exact;
        selectedExact += errors.selectedExact;
    }

    /** The line under a table: "{@code table}: … of … sets exact without a selection (…), … with it (…)." */
    String summary(String table) {
        return String.format(Locale.ROOT, "%n%s: %d of %d sets exact without a selection (%.1f %%), %d of %d with it"
                + " (%.1f %%).%n", table, exact, sets, 100.0 * exact / sets, selectedExact, sets,
                100.0 * selectedExact / sets);
    }
}
