package io.tempostream.analytics.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One set as the reps in it add up: first rep's start to last rep's end, and the time under
 * tension (every rep phase, bottom pauses included: the load is still held there).
 */
public record SetSummary(int set, int reps, long startMs, long endMs, long timeUnderTensionMs) {

    /** Groups reps by their set number, in order. */
    public static List<SetSummary> of(List<Rep> reps) {
        Map<Integer, List<Rep>> bySet = new TreeMap<>();
        reps.forEach(r -> bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(r));
        List<SetSummary> sets = new ArrayList<>();
        bySet.forEach((set, inSet) -> sets.add(new SetSummary(set, inSet.size(), inSet.get(0).startMs(),
                inSet.get(inSet.size() - 1).endMs(),
                inSet.stream().mapToLong(r -> r.concentricMs() + r.peakHoldMs() + r.eccentricMs() + r.bottomPauseMs()).sum())));
        return sets;
    }
}
