package io.tempostream.analytics.training;

import io.tempostream.ingest.TempoPrescription;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the coach configured for one athlete: when their six-week plan started (none: no plan),
 * the time zone their weeks and days are counted in, and the tempo prescribed per exercise,
 * with a default for the rest.
 */
public record AthleteProfile(String athleteId, LocalDate planStart, ZoneId zone, TempoPrescription defaultTempo,
        Map<String, TempoPrescription> tempoByExercise) implements Serializable {
    /** The tempo the brief prescribes for rows: 3 s up, 1 s squeeze, 3 s down, no pause. */
    public static final TempoPrescription DEFAULT_TEMPO = TempoPrescription.parse("3-1-3-0");

    public AthleteProfile {
        tempoByExercise = Map.copyOf(tempoByExercise);
    }

    /** An athlete nobody configured: no plan, UTC, the default tempo for everything. */
    public static AthleteProfile unconfigured(String athleteId) {
        return new AthleteProfile(athleteId, null, ZoneId.of("UTC"), DEFAULT_TEMPO, Map.of());
    }

    public TempoPrescription tempoFor(String exercise) {
        return tempoByExercise.getOrDefault(exercise, defaultTempo);
    }
}
