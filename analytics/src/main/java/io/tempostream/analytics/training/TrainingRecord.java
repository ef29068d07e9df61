package io.tempostream.analytics.training;

/**
 * What the training analytics emit, each written as its own measurement (docs/metrics-schema.md):
 * every rep or hold as it is detected, its set as the set grows, a session once it has ended with
 * its sets, and the week that session belongs to.
 */
public sealed interface TrainingRecord permits AnalysedRep, SetAnalysis, SessionSummary, SessionSet, WeekSummary {
    String athleteId();
}
