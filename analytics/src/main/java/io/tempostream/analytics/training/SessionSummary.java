package io.tempostream.analytics.training;

/**
 * One training session of an athlete: from the first set to the last, a gap of more than
 * {@link AthleteSessions#SESSION_GAP_MS} starting the next. Written once the session has ended.
 * Sets seen by two sensors at once (wrist and back) count once.
 *
 * @param label                 the session's start in the athlete's time zone, {@code 2026-10-12 17:00}: how a
 *                              coach picks it
 * @param isoWeek               the ISO week of the session's start in the athlete's time zone, e.g. 2026-W48
 * @param workingSets           sets of at least {@link AthleteSessions#MIN_WORKING_REPS} reps of any
 *                              exercise but the activation squeeze
 * @param exercises             the exercises selected for its sets, in order, comma-separated ("" if none)
 * @param isolation             an isolation movement (face pull, Y-raise) was among its working sets
 * @param activationFirst       scapular squeezes (holds or a squeeze set) came before the first working set
 * @param hoursSincePrevious    from the previous session's end to this one's start; NaN for the first
 * @param recoveryWarning       fewer than {@link AthleteSessions#MIN_RECOVERY_HOURS} hours after the previous
 * @param planWeek              the week of the athlete's six-week plan (0 without a plan)
 */
public record SessionSummary(String athleteId, String label, long startMs, long endMs, String isoWeek, long weekStartMs, int sets,
        int workingSets, int reps, int holds, long timeUnderTensionMs, String exercises, boolean isolation,
        boolean activationFirst, double hoursSincePrevious, boolean recoveryWarning, int planWeek, String planPhase)
        implements TrainingRecord {
}
