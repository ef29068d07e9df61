package io.tempostream.analytics.training;

/**
 * Program adherence in one ISO week (Monday to Sunday in the athlete's time zone), as its
 * sessions end: re-emitted after each, under the same identity (athlete, week start).
 *
 * @param setCeilingExceeded   more than {@link AthleteSessions#MAX_WEEKLY_WORKING_SETS} working sets
 * @param sessionsInTarget     two or three sessions (so far, while the week runs)
 * @param minHoursBetween      shortest rest before any of the week's sessions (from the previous
 *                             session, which may be last week's); NaN if none is known
 * @param recoveryWarnings     the week's sessions that came less than 48 h after the one before
 * @param isolationSessions    the week's sessions with an isolation movement
 * @param planWeek             the week of the athlete's six-week plan (0 without a plan)
 */
public record WeekSummary(String athleteId, long weekStartMs, String isoWeek, int sessions, int workingSets,
        boolean setCeilingExceeded, boolean sessionsInTarget, double minHoursBetween, int recoveryWarnings,
        int isolationSessions, int planWeek, String planPhase) implements TrainingRecord {
}
