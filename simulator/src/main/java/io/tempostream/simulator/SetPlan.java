package io.tempostream.simulator;

import io.tempostream.ingest.TempoPrescription;

/** One working set: how many reps, at what tempo, and the rest that follows it. */
public record SetPlan(int reps, TempoPrescription tempo, double romDeg, long restAfterMs) {
    public SetPlan {
        if (reps < 1 || reps > 100) {
            throw new IllegalArgumentException("reps must be 1–100, got " + reps);
        }
        if (!(romDeg >= 10 && romDeg <= 180)) {
            throw new IllegalArgumentException("range of motion must be 10–180°, got " + romDeg);
        }
        if (restAfterMs < 0) {
            throw new IllegalArgumentException("rest must not be negative, got " + restAfterMs + " ms");
        }
    }
}
