package io.tempostream.analytics.training;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.TempoPrescription;

/**
 * What a coach would call out about one rep.
 *
 * @param swing           the concentric started with momentum: speed came within a tenth of it
 *                        (the rep's concentric jolt at least {@link #JOLT_LIMIT}); a back sensor
 *                        also sees the torso lean back with the weight
 * @param bounce          the eccentric ended with no pause and a sharp reversal (eccentric jolt at
 *                        least {@link #JOLT_LIMIT}, bottom pause under 0.25 s)
 * @param partial         range of motion under 70 % of the set's typical rep
 * @param rushedEccentric the eccentric took under 70 % of its prescribed time
 */
public record FormFlags(boolean swing, boolean bounce, boolean partial, boolean rushedEccentric) {
    /**
     * A smooth movement's jolt is about π (3.0–3.5 in simulated sets, at most 4.1 over 4 800
     * clean reps); momentum and bounces score 6–10 (docs/metrics-schema.md). Set between.
     */
    static final double JOLT_LIMIT = 5.0;
    private static final long BOUNCE_MAX_PAUSE_MS = 250;
    static final double PARTIAL_SHARE = 0.7;
    private static final double RUSHED_SHARE = 0.7;
    /** A prescription faster than this has no eccentric to rush. */
    private static final long MIN_PRESCRIBED_ECCENTRIC_MS = 1_000;

    public static final FormFlags NONE = new FormFlags(false, false, false, false);

    /**
     * @param typicalRange the set's typical range of motion in the rep's unit, or 0 while the set
     *                     is too short to tell
     */
    public static FormFlags of(Rep rep, TempoPrescription tempo, double typicalRange) {
        boolean swing = rep.concentricJolt() >= JOLT_LIMIT;
        boolean bounce = rep.eccentricJolt() >= JOLT_LIMIT && rep.bottomPauseMs() < BOUNCE_MAX_PAUSE_MS;
        boolean partial = typicalRange > 0 && rep.range() < PARTIAL_SHARE * typicalRange;
        boolean rushed = tempo.eccentricMs() >= MIN_PRESCRIBED_ECCENTRIC_MS
                && rep.eccentricMs() < RUSHED_SHARE * tempo.eccentricMs();
        return new FormFlags(swing, bounce, partial, rushed);
    }

    public boolean any() {
        return swing || bounce || partial || rushedEccentric;
    }
}
