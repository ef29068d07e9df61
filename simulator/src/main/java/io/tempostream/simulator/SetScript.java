package io.tempostream.simulator;

import io.tempostream.ingest.TempoPrescription;

/**
 * One set of a session script: the exercise, how many reps (for the scapular squeeze: holds, the
 * hold being the tempo's peak hold), the tempo, the rest after it, and how it is performed.
 *
 * @param fatigue        the last rep's concentric is this much slower than the first (0.2 = 20 %)
 * @param partialFromRep reps from this one on reach only half the range (0: none)
 * @param bounce         eccentrics end moving, reversing sharply at the bottom (no control)
 * @param swingDeg       momentum: each concentric starts with a jerk (both sensors) and the torso
 *                       leans back with the weight by this much at full range (the back sensor)
 * @param speedCurve     how each moving phase's progress goes over its time
 * @param human          rep-to-rep variability of a real athlete: each phase's curve skewed a little
 *                       differently, and the top hold sagging slowly (1–3 % of the range) instead of
 *                       standing perfectly still
 */
public record SetScript(Exercise exercise, int reps, TempoPrescription tempo, long restAfterMs, double fatigue,
        int partialFromRep, boolean bounce, double swingDeg, SpeedCurve speedCurve, boolean human) {

    /** With the simulator's own half-cosine curve and no human variability. */
    public SetScript(Exercise exercise, int reps, TempoPrescription tempo, long restAfterMs, double fatigue,
            int partialFromRep, boolean bounce, double swingDeg) {
        this(exercise, reps, tempo, restAfterMs, fatigue, partialFromRep, bounce, swingDeg, SpeedCurve.HALF_COSINE, false);
    }

    public SetScript {
        if (reps < 1 || reps > 100) {
            throw new IllegalArgumentException("reps must be 1–100, got " + reps);
        }
        if (restAfterMs < 0 || restAfterMs > 3_600_000) {
            throw new IllegalArgumentException("restSeconds must be 0–3600, got " + restAfterMs / 1000.0);
        }
        if (!(fatigue >= 0 && fatigue <= 1)) {
            throw new IllegalArgumentException("fatigue must be 0–1, got " + fatigue);
        }
        if (partialFromRep < 0) {
            throw new IllegalArgumentException("partialFromRep must be ≥ 0, got " + partialFromRep);
        }
        if (!(swingDeg >= 0 && swingDeg <= 45)) {
            throw new IllegalArgumentException("swingDeg must be 0–45, got " + swingDeg);
        }
        if (speedCurve == null) {
            throw new IllegalArgumentException("speedCurve is missing");
        }
    }

    public static SetScript of(Exercise exercise, int reps, String tempo, long restAfterMs) {
        return new SetScript(exercise, reps, TempoPrescription.parse(tempo), restAfterMs, 0, 0, false, 0);
    }

    /** The same set moved along another speed curve, with or without human variability. */
    public SetScript moving(SpeedCurve curve, boolean humanVariability) {
        return new SetScript(exercise, reps, tempo, restAfterMs, fatigue, partialFromRep, bounce, swingDeg, curve, humanVariability);
    }
}
