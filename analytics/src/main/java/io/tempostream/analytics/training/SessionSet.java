package io.tempostream.analytics.training;

/**
 * One set of a finished session, labelled with the session, so a coach can review the session's
 * sets by picking the session. Of a set seen by two sensors, the one that counted more reps.
 */
public record SessionSet(String athleteId, String session, SetAnalysis set) implements TrainingRecord {
}
