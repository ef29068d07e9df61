package io.tempostream.analytics.training;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.TempoPrescription;

/**
 * A detected rep (or isometric hold) with what the athlete sees about it: the tempo it was held
 * to, how well it kept it, the form flags it raised, and how much slower its concentric was than
 * the set's fastest so far (velocity loss, the usual measure of fatigue within a set).
 */
public record AnalysedRep(Rep rep, TempoPrescription tempo, TempoCompliance compliance, FormFlags flags,
        double velocityLossPct) implements TrainingRecord {
    @Override
    public String athleteId() {
        return rep.athleteId();
    }
}
