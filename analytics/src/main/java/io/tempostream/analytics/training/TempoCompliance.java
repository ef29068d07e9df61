package io.tempostream.analytics.training;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.TempoPrescription;

/**
 * How one rep kept to its prescribed tempo. Each phase's deviation is performed minus prescribed,
 * in seconds (+ slower, − faster). A phase is on tempo within {@link #TOLERANCE_S} or a quarter
 * of its prescription, whichever is larger: the detector times phases within about 0.1 s, and a
 * lifter counting "one-thousand-one" drifts by more than that.
 *
 * @param score        100 when every phase is as prescribed, falling by the total deviation as a
 *                     share of the prescribed rep (0 at a deviation as long as the rep)
 * @param onTempo      every phase within its tolerance
 * @param squeezeHeld  for a pause rep (a prescribed squeeze of 0.5 s or more): whether the squeeze
 *                     at peak contraction lasted as prescribed (0.2 s short still counts); null
 *                     when no squeeze is prescribed
 */
public record TempoCompliance(double concentricDeviationS, double peakHoldDeviationS, double eccentricDeviationS,
        double bottomPauseDeviationS, double score, boolean onTempo, Boolean squeezeHeld) {
    static final double TOLERANCE_S = 0.5;
    private static final long PAUSE_REP_HOLD_MS = 500;
    private static final long SQUEEZE_SLACK_MS = 200;

    public static TempoCompliance of(Rep rep, TempoPrescription tempo) {
        double con = (rep.concentricMs() - tempo.concentricMs()) / 1000.0;
        double hold = (rep.peakHoldMs() - tempo.peakHoldMs()) / 1000.0;
        double ecc = (rep.eccentricMs() - tempo.eccentricMs()) / 1000.0;
        double pause = (rep.bottomPauseMs() - tempo.bottomPauseMs()) / 1000.0;
        double total = Math.abs(con) + Math.abs(hold) + Math.abs(ecc) + Math.abs(pause);
        double score = 100 * Math.max(0, 1 - total / (tempo.repDurationMs() / 1000.0));
        boolean onTempo = within(con, tempo.concentricMs()) && within(hold, tempo.peakHoldMs())
                && within(ecc, tempo.eccentricMs()) && within(pause, tempo.bottomPauseMs());
        Boolean squeezeHeld = tempo.peakHoldMs() >= PAUSE_REP_HOLD_MS
                ? rep.peakHoldMs() >= tempo.peakHoldMs() - SQUEEZE_SLACK_MS : null;
        return new TempoCompliance(con, hold, ecc, pause, score, onTempo, squeezeHeld);
    }

    private static boolean within(double deviationS, long prescribedMs) {
        return Math.abs(deviationS) <= Math.max(TOLERANCE_S, 0.25 * prescribedMs / 1000.0);
    }
}
