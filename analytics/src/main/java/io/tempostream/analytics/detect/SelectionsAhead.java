package io.tempostream.analytics.detect;

import java.util.Arrays;

/**
 * Exercise selections the samples have not reached yet, in time order: the app sends one as the
 * athlete picks the next exercise, a few seconds before the set, and the job may hear of it before
 * or after the samples of that moment. A few are kept: the device's login may send any number, and
 * the furthest ahead (least likely to be meant) are the ones dropped.
 */
final class SelectionsAhead {
    static final int KEPT = 16;

    private long[] fromMs = new long[0];
    private ExerciseHint[] hints = new ExerciseHint[0];

    /** From {@code atMs} on the athlete does {@code hint}'s exercise (null: one the engine does not know). */
    void add(long atMs, ExerciseHint hint) {
        int i = 0;
        while (i < fromMs.length && fromMs[i] <= atMs) {
            i++;
        }
        if (i > 0 && fromMs[i - 1] == atMs) {
            hints[i - 1] = hint; // the same moment again: a redelivery, or a correction
            return;
        }
        if (i == KEPT) {
            return;
        }
        int n = Math.min(fromMs.length + 1, KEPT);
        long[] times = new long[n];
        ExerciseHint[] names = new ExerciseHint[n];
        System.arraycopy(fromMs, 0, times, 0, i);
        System.arraycopy(hints, 0, names, 0, i);
        times[i] = atMs;
        names[i] = hint;
        System.arraycopy(fromMs, i, times, i + 1, n - i - 1);
        System.arraycopy(hints, i, names, i + 1, n - i - 1);
        fromMs = times;
        hints = names;
    }

    /** Whether a selection holds from {@code tMs} or before: one comparison, as it runs per sample. */
    boolean dueBy(long tMs) {
        return fromMs.length > 0 && fromMs[0] <= tMs;
    }

    /** The time of the latest selection due by {@code tMs}; call only when {@link #dueBy}. */
    long latestDueFromMs(long tMs) {
        return fromMs[due(tMs) - 1];
    }

    /** Takes the selections due by {@code tMs} and returns the latest of them; call only when {@link #dueBy}. */
    ExerciseHint takeDue(long tMs) {
        int due = due(tMs);
        ExerciseHint latest = hints[due - 1];
        fromMs = Arrays.copyOfRange(fromMs, due, fromMs.length);
        hints = Arrays.copyOfRange(hints, due, hints.length);
        return latest;
    }

    /** How many selections hold from {@code tMs} or before (they are in time order). */
    private int due(long tMs) {
        int due = 0;
        while (due < fromMs.length && fromMs[due] <= tMs) {
            due++;
        }
        return due;
    }

    int size() {
        return fromMs.length;
    }
}
