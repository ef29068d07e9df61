package io.tempostream.analytics.training;

import java.util.ArrayList;
import java.util.List;

/**
 * What one device's athlete said they were doing, and from when: the exercise of a rep is the
 * latest selection made at or before its start. Keeps the last few selections only; a rep
 * reported minutes after an older one started is not a case that happens.
 */
final class ExerciseTimeline {
    private static final int KEPT = 16;

    /** Selection times and names, in time order. */
    private final List<Long> fromMs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    void select(long atMs, String exercise) {
        int i = fromMs.size();
        while (i > 0 && fromMs.get(i - 1) > atMs) {
            i--;
        }
        if (i > 0 && fromMs.get(i - 1) == atMs) {
            names.set(i - 1, exercise); // the same selection again (a redelivery), or a correction
            return;
        }
        fromMs.add(i, atMs);
        names.add(i, exercise);
        if (fromMs.size() > KEPT) {
            fromMs.remove(0);
            names.remove(0);
        }
    }

    /** The exercise selected at {@code tMs}, or "" if nothing was selected by then. */
    String at(long tMs) {
        for (int i = fromMs.size() - 1; i >= 0; i--) {
            if (fromMs.get(i) <= tMs) {
                return names.get(i);
            }
        }
        return "";
    }
}
