package io.tempostream.analytics.training;

import java.util.ArrayList;
import java.util.List;

/**
 * What one device's athlete said they were doing, and from when: the exercise of a rep is the
 * latest selection made at or before its start. A selection is forgotten once a later one holds
 * for the device's reps ({@link #forgetBefore}); of those still ahead of the reps a bound is kept.
 */
final class ExerciseTimeline {
    /**
     * Selections kept that the reps have not reached yet. Selections take a shorter path through the
     * job than reps, so a week replayed at full speed has all of its sets' selections here before its
     * first reps are analysed (when the oldest was dropped at 16, a set was labelled with nothing).
     * A device's login may send any number: the furthest ahead, least likely to be meant, are dropped.
     */
    static final int KEPT = 256;

    /** Selection times and names, in time order. */
    private final List<Long> fromMs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** Keeps a selection; false if that dropped one, this or the furthest ahead, over {@link #KEPT}. */
    boolean select(long atMs, String exercise) {
        int i = fromMs.size();
        while (i > 0 && fromMs.get(i - 1) > atMs) {
            i--;
        }
        if (i > 0 && fromMs.get(i - 1) == atMs) {
            names.set(i - 1, exercise); // the same selection again (a redelivery), or a correction
            return true;
        }
        if (i == KEPT) {
            return false;
        }
        fromMs.add(i, atMs);
        names.add(i, exercise);
        if (fromMs.size() > KEPT) {
            fromMs.remove(KEPT);
            names.remove(KEPT);
            return false;
        }
        return true;
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

    /**
     * The device's reps have reached {@code tMs} and come in order: the selections made before the
     * one that holds at {@code tMs} will not be asked for again.
     */
    void forgetBefore(long tMs) {
        int holding = -1;
        while (holding + 1 < fromMs.size() && fromMs.get(holding + 1) <= tMs) {
            holding++;
        }
        if (holding > 0) {
            fromMs.subList(0, holding).clear();
            names.subList(0, holding).clear();
        }
    }

    int size() {
        return fromMs.size();
    }
}
