package io.tempostream.analytics.training;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Groups one athlete's sets into sessions and sessions into weeks. A session is open while sets
 * keep coming less than {@link #SESSION_GAP_MS} apart; once event time has passed its last set by
 * that gap it is closed and written, with the week it falls in. A session's figures depend only
 * on its sets, whatever order the athlete's sensors delivered them in.
 *
 * <p>State per athlete: the open session's sets (their latest figures) and the closed sessions of
 * the last two weeks, which the week's figures are recomputed from.
 */
public final class AthleteSessions {
    /** More than two hours between sets starts a new session. */
    public static final long SESSION_GAP_MS = 2 * 3_600_000L;
    /** A set of fewer reps is a stray movement or a warm-up, not a working set. */
    public static final int MIN_WORKING_REPS = 3;
    /** The program's weekly ceiling. */
    public static final int MAX_WEEKLY_WORKING_SETS = 12;
    /** The program asks for at least 48 h between sessions. */
    public static final double MIN_RECOVERY_HOURS = 48;
    private static final long WEEK_MS = 7 * 24 * 3_600_000L;
    /** More sessions than this in two weeks are not kept for the week's figures (a bound, not a rule). */
    private static final int MAX_SESSIONS_KEPT = 40;

    private static final java.time.format.DateTimeFormatter LABEL = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<String, SetAnalysis> openSets = new LinkedHashMap<>();
    private final List<SessionSummary> recent = new ArrayList<>();
    private long previousEndMs = Long.MIN_VALUE;

    /** The latest figures of a set; may close the open session first if this set starts well after it. */
    public void update(SetAnalysis set, AthleteProfile profile, Consumer<TrainingRecord> out) {
        if (!openSets.isEmpty() && set.startMs() - openEndMs() > SESSION_GAP_MS) {
            close(profile, out);
        }
        openSets.put(set.deviceId() + "/" + set.set(), set);
    }

    /** Event time has reached {@code nowMs}: a session whose last set ended a gap ago is over. */
    public void advanceTo(long nowMs, AthleteProfile profile, Consumer<TrainingRecord> out) {
        if (!openSets.isEmpty() && nowMs - openEndMs() > SESSION_GAP_MS) {
            close(profile, out);
        }
    }

    /** When event time will close the open session, or {@code Long.MAX_VALUE} if none is open. */
    public long closesAtMs() {
        return openSets.isEmpty() ? Long.MAX_VALUE : openEndMs() + SESSION_GAP_MS + 1;
    }

    private long openEndMs() {
        return openSets.values().stream().mapToLong(SetAnalysis::endMs).max().orElse(Long.MIN_VALUE);
    }

    private void close(AthleteProfile profile, Consumer<TrainingRecord> out) {
        List<SetAnalysis> sets = new ArrayList<>(openSets.values());
        SessionSummary session = summarize(sets, profile);
        openSets.clear();
        previousEndMs = Math.max(previousEndMs, session.endMs());
        recent.add(session);
        recent.removeIf(s -> s.weekStartMs() < session.weekStartMs() - WEEK_MS);
        while (recent.size() > MAX_SESSIONS_KEPT) {
            recent.remove(0);
        }
        out.accept(session);
        for (List<SetAnalysis> group : sameSetAcrossSensors(sets)) {
            SetAnalysis fullest = group.stream().max(Comparator.comparingInt(SetAnalysis::reps)
                    .thenComparingInt(SetAnalysis::holds)).orElseThrow();
            out.accept(new SessionSet(session.athleteId(), session.label(), fullest));
        }
        out.accept(week(session.weekStartMs(), session.isoWeek(), session.planWeek(), session.planPhase()));
    }

    private SessionSummary summarize(List<SetAnalysis> sets, AthleteProfile profile) {
        List<List<SetAnalysis>> groups = sameSetAcrossSensors(sets);
        long start = sets.stream().mapToLong(SetAnalysis::startMs).min().orElseThrow();
        long end = sets.stream().mapToLong(SetAnalysis::endMs).max().orElseThrow();
        int working = 0;
        int reps = 0;
        int holds = 0;
        long tension = 0;
        boolean isolation = false;
        long firstWorkingMs = Long.MAX_VALUE;
        long firstActivationMs = Long.MAX_VALUE;
        Set<String> exercises = new LinkedHashSet<>();
        for (List<SetAnalysis> group : groups) {
            int groupReps = group.stream().mapToInt(SetAnalysis::reps).max().orElse(0);
            int groupHolds = group.stream().mapToInt(SetAnalysis::holds).max().orElse(0);
            long groupStart = group.stream().mapToLong(SetAnalysis::startMs).min().orElseThrow();
            String exercise = group.stream().map(SetAnalysis::exercise).filter(e -> !e.isEmpty()).findFirst().orElse("");
            TrainingExercise.Category category = TrainingExercise.categoryOf(exercise);
            reps += groupReps;
            holds += groupHolds;
            tension += group.stream().mapToLong(SetAnalysis::timeUnderTensionMs).max().orElse(0);
            if (!exercise.isEmpty()) {
                exercises.add(exercise);
            }
            boolean activation = category == TrainingExercise.Category.ACTIVATION || (groupHolds > 0 && groupReps == 0);
            if (activation) {
                firstActivationMs = Math.min(firstActivationMs, groupStart);
            } else if (groupReps >= MIN_WORKING_REPS) {
                working++;
                firstWorkingMs = Math.min(firstWorkingMs, groupStart);
                isolation |= category == TrainingExercise.Category.ISOLATION;
            }
        }
        double hours = previousEndMs == Long.MIN_VALUE ? Double.NaN : (start - previousEndMs) / 3_600_000.0;
        ZoneId zone = profile.zone();
        LocalDate day = Instant.ofEpochMilli(start).atZone(zone).toLocalDate();
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        int planWeek = profile.planStart() == null ? 0 : Math.max(0, SixWeekPlan.weekOf(profile.planStart(), day));
        String label = Instant.ofEpochMilli(start).atZone(zone).format(LABEL);
        return new SessionSummary(profile.athleteId(), label, start, end, isoWeek(day),
                monday.atStartOfDay(zone).toInstant().toEpochMilli(),
                groups.size(), working, reps, holds, tension, String.join(",", exercises), isolation,
                firstActivationMs < firstWorkingMs, hours, hours < MIN_RECOVERY_HOURS, planWeek,
                SixWeekPlan.phaseOf(planWeek));
    }

    /**
     * Sets whose spans overlap are one set seen by two sensors (a wrist and the upper back):
     * groups of them, in time order.
     */
    static List<List<SetAnalysis>> sameSetAcrossSensors(List<SetAnalysis> sets) {
        List<SetAnalysis> byStart = new ArrayList<>(sets);
        byStart.sort(Comparator.comparingLong(SetAnalysis::startMs).thenComparing(SetAnalysis::deviceId));
        List<List<SetAnalysis>> groups = new ArrayList<>();
        long groupEnd = Long.MIN_VALUE;
        for (SetAnalysis set : byStart) {
            if (groups.isEmpty() || set.startMs() > groupEnd) {
                groups.add(new ArrayList<>());
                groupEnd = set.endMs();
            } else {
                groupEnd = Math.max(groupEnd, set.endMs());
            }
            groups.get(groups.size() - 1).add(set);
        }
        return groups;
    }

    private WeekSummary week(long weekStartMs, String isoWeek, int planWeek, String planPhase) {
        List<SessionSummary> inWeek = recent.stream().filter(s -> s.weekStartMs() == weekStartMs).toList();
        int working = inWeek.stream().mapToInt(SessionSummary::workingSets).sum();
        double minHours = inWeek.stream().mapToDouble(SessionSummary::hoursSincePrevious).filter(h -> !Double.isNaN(h))
                .min().orElse(Double.NaN);
        int warnings = (int) inWeek.stream().filter(SessionSummary::recoveryWarning).count();
        int isolation = (int) inWeek.stream().filter(SessionSummary::isolation).count();
        return new WeekSummary(inWeek.get(0).athleteId(), weekStartMs, isoWeek, inWeek.size(), working,
                working > MAX_WEEKLY_WORKING_SETS, inWeek.size() >= 2 && inWeek.size() <= 3, minHours, warnings,
                isolation, planWeek, planPhase);
    }

    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
