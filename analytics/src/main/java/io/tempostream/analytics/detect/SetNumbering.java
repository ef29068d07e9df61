package io.tempostream.analytics.detect;

/**
 * A device's set number and the numbers within the current set: a new set starts both counts
 * again, and isometric holds are numbered apart from reps (a hold does not take a rep's number).
 */
final class SetNumbering {
    private int set;
    private int reps;
    private int holds;

    void startSet() {
        set++;
        reps = 0;
        holds = 0;
    }

    /** Reps numbered in the current set so far. */
    int reps() {
        return reps;
    }

    /** The number {@link #number} would give {@code rep} (in a new set if {@code newSet}), without giving it. */
    Rep peek(Rep rep, boolean newSet) {
        int inSet = newSet ? 0 : rep.isometric() ? holds : reps;
        return rep.numbered(newSet ? set + 1 : set, inSet + 1);
    }

    /** {@code rep} in the current set, numbered among its reps or, if an isometric hold, among its holds. */
    Rep number(Rep rep) {
        return rep.numbered(set, rep.isometric() ? ++holds : ++reps);
    }
}
