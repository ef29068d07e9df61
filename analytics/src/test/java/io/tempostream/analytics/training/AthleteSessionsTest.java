package io.tempostream.analytics.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.TempoPrescription;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions from sets, and the week's program adherence from sessions. */
class AthleteSessionsTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** Monday 2026-11-02 18:00 UTC: ISO week 2026-W45. */
    private static final long MONDAY_18H = ZonedDateTime.of(2026, 11, 2, 18, 0, 0, 0, UTC).toInstant().toEpochMilli();
    private static final long MIN = 60_000;
    private static final long HOUR = 60 * MIN;
    private static final AthleteProfile PLAN_FROM_OCT_26 = new AthleteProfile("a", LocalDate.of(2026, 10, 26), UTC,
            TempoPrescription.parse("3-1-3-0"), Map.of());

    private final List<TrainingRecord> out = new ArrayList<>();
    private final AthleteSessions sessions = new AthleteSessions();
    private int setNumber;

    private void set(String device, String exercise, long startMs, int reps, int holds) {
        setNumber++;
        sessions.update(new SetAnalysis("a", device, setNumber, exercise, startMs, startMs + 60_000, reps, holds,
                holds * 8_000L, reps * 7_000L + holds * 8_000L, "3-1-3-0", 90, reps, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0),
                PLAN_FROM_OCT_26, out::add);
    }

    /** A back session: squeezes, then {@code workingSets} sets of rows 3 min apart, from {@code startMs}. */
    private void session(long startMs, int workingSets, String exercise) {
        set("back", "scapular-squeeze", startMs, 0, 3);
        for (int i = 0; i < workingSets; i++) {
            set("back", exercise, startMs + (i + 1) * 3 * MIN, 10, 0);
        }
    }

    private void endOfData() {
        sessions.advanceTo(Long.MAX_VALUE / 2, PLAN_FROM_OCT_26, out::add);
    }

    private List<SessionSummary> sessionsWritten() {
        return out.stream().filter(r -> r instanceof SessionSummary).map(r -> (SessionSummary) r).toList();
    }

    private WeekSummary lastWeekWritten() {
        List<WeekSummary> weeks = out.stream().filter(r -> r instanceof WeekSummary).map(r -> (WeekSummary) r).toList();
        return weeks.get(weeks.size() - 1);
    }

    @Test
    void setsLessThanTwoHoursApartAreOneSessionAndMoreStartANewOne() {
        session(MONDAY_18H, 3, "dumbbell-row");
        set("back", "face-pull", MONDAY_18H + 10 * MIN + 119 * MIN, 12, 0); // 1 h 59 min after the last set ended
        sessions.advanceTo(MONDAY_18H + 3 * HOUR, PLAN_FROM_OCT_26, out::add);
        assertTrue(sessionsWritten().isEmpty(), "closed before two hours without a set");
        set("back", "dumbbell-row", MONDAY_18H + 130 * MIN + 121 * MIN, 10, 0); // 2 h 1 min after that set ended
        List<SessionSummary> written = sessionsWritten();
        assertEquals(1, written.size());
        assertEquals(4, written.get(0).workingSets(), "three rows and the face pulls");
        assertEquals(MONDAY_18H, written.get(0).startMs());
        endOfData();
        assertEquals(2, sessionsWritten().size());
    }

    @Test
    void aSessionCountsItsWorkingSetsRepsAndWhatItHeld() {
        session(MONDAY_18H, 3, "dumbbell-row");
        set("back", "face-pull", MONDAY_18H + 20 * MIN, 12, 0);
        set("back", "dumbbell-row", MONDAY_18H + 25 * MIN, 2, 0); // two stray reps: not a working set
        endOfData();
        SessionSummary s = sessionsWritten().get(0);
        assertEquals(6, s.sets());
        assertEquals(4, s.workingSets());
        assertEquals(44, s.reps());
        assertEquals(3, s.holds());
        assertEquals("scapular-squeeze,dumbbell-row,face-pull", s.exercises());
        assertTrue(s.isolation(), "face pulls are an isolation movement");
        assertTrue(s.activationFirst(), "squeezes came first");
        assertEquals("2026-W45", s.isoWeek());
        assertEquals(2, s.planWeek());
        assertEquals("activation", s.planPhase());
        assertTrue(Double.isNaN(s.hoursSincePrevious()));
        assertFalse(s.recoveryWarning());
        assertEquals("2026-11-02 18:00", s.label(), "the session's start, as a coach picks it");
        List<SessionSet> sets = out.stream().filter(r -> r instanceof SessionSet).map(r -> (SessionSet) r).toList();
        assertEquals(6, sets.size(), "each set of the session, labelled with it");
        assertTrue(sets.stream().allMatch(x -> x.session().equals("2026-11-02 18:00")));
    }

    @Test
    void aSetSeenByTwoSensorsIsReviewedOnceFromTheSensorThatCountedMore() {
        set("wrist", "dumbbell-row", MONDAY_18H, 10, 0);
        set("back", "dumbbell-row", MONDAY_18H + 2_000, 9, 0);
        endOfData();
        List<SessionSet> sets = out.stream().filter(r -> r instanceof SessionSet).map(r -> (SessionSet) r).toList();
        assertEquals(1, sets.size());
        assertEquals("wrist", sets.get(0).set().deviceId());
    }

    @Test
    void rowsWithoutSqueezesFirstOrIsolationWorkAreMarked() {
        set("back", "dumbbell-row", MONDAY_18H, 10, 0);
        set("back", "scapular-squeeze", MONDAY_18H + 5 * MIN, 0, 3);
        endOfData();
        SessionSummary s = sessionsWritten().get(0);
        assertFalse(s.activationFirst(), "the squeezes came after the rows");
        assertFalse(s.isolation());
        assertEquals(1, s.workingSets());
    }

    @Test
    void aSetSeenByTwoSensorsCountsOnce() {
        set("wrist", "dumbbell-row", MONDAY_18H, 10, 0);
        set("back", "dumbbell-row", MONDAY_18H + 2_000, 9, 0); // the same set, from the upper back
        set("wrist", "dumbbell-row", MONDAY_18H + 4 * MIN, 10, 0);
        endOfData();
        SessionSummary s = sessionsWritten().get(0);
        assertEquals(2, s.sets());
        assertEquals(2, s.workingSets());
        assertEquals(20, s.reps(), "the larger count of the two sensors");
    }

    @Test
    void aWeekOverTwelveWorkingSetsOrWithSessionsTooCloseIsWarned() {
        session(MONDAY_18H, 5, "dumbbell-row");                 // Monday
        session(MONDAY_18H + 40 * HOUR, 4, "seated-cable-row"); // Wednesday morning: 40 h later
        WeekSummary afterTwo = lastWeekAfter();
        assertEquals(9, afterTwo.workingSets());
        assertFalse(afterTwo.setCeilingExceeded());
        assertEquals(1, afterTwo.recoveryWarnings());
        assertEquals(2, afterTwo.sessions());
        assertTrue(afterTwo.sessionsInTarget());
        session(MONDAY_18H + 96 * HOUR, 4, "dumbbell-row");     // Friday: 56 h later
        endOfData();
        WeekSummary week = lastWeekWritten();
        assertEquals("2026-W45", week.isoWeek());
        assertEquals(13, week.workingSets());
        assertTrue(week.setCeilingExceeded(), "13 working sets");
        assertEquals(3, week.sessions());
        assertTrue(week.sessionsInTarget());
        assertEquals(1, week.recoveryWarnings(), "only Wednesday's session came too soon");
        assertEquals(40.0 - 16.0 / 60, week.minHoursBetween(), 0.01);
        assertEquals(2, week.planWeek());
        List<SessionSummary> written = sessionsWritten();
        assertTrue(written.get(1).recoveryWarning());
        assertFalse(written.get(2).recoveryWarning());
    }

    private WeekSummary lastWeekAfter() {
        sessions.advanceTo(MONDAY_18H + 40 * HOUR + 4 * HOUR, PLAN_FROM_OCT_26, out::add);
        return lastWeekWritten();
    }

    @Test
    void twelveWorkingSetsInAWeekAreWithinTheCeilingAndAWeekIsMondayToSunday() {
        session(MONDAY_18H, 6, "dumbbell-row");
        session(MONDAY_18H + 72 * HOUR, 6, "dumbbell-row");
        session(MONDAY_18H + 6 * 24 * HOUR + 5 * HOUR, 6, "dumbbell-row"); // Sunday 23:00 UTC
        session(MONDAY_18H + 7 * 24 * HOUR + 2 * 24 * HOUR, 2, "face-pull"); // next Wednesday
        endOfData();
        List<WeekSummary> weeks = out.stream().filter(r -> r instanceof WeekSummary).map(r -> (WeekSummary) r).toList();
        WeekSummary w45 = weeks.stream().filter(w -> w.isoWeek().equals("2026-W45")).reduce((a, b) -> b).orElseThrow();
        WeekSummary w46 = weeks.stream().filter(w -> w.isoWeek().equals("2026-W46")).reduce((a, b) -> b).orElseThrow();
        assertEquals(18, w45.workingSets());
        assertEquals(3, w45.sessions());
        assertEquals(1, w46.sessions());
        assertFalse(w46.sessionsInTarget(), "one session so far");
        assertEquals(3, w46.planWeek());
        assertEquals("tempo-rows", w46.planPhase());
        assertEquals(1, w46.isolationSessions());
    }

    @Test
    void anAthletesTimeZoneDecidesTheWeek() {
        AthleteProfile tokyo = new AthleteProfile("a", null, ZoneId.of("Asia/Tokyo"), TempoPrescription.parse("3-1-3-0"), Map.of());
        // Sunday 2026-11-08 20:00 UTC is Monday 05:00 in Tokyo: week 46 there, week 45 in UTC.
        long sundayEvening = ZonedDateTime.of(2026, 11, 8, 20, 0, 0, 0, UTC).toInstant().toEpochMilli();
        sessions.update(new SetAnalysis("a", "back", 1, "dumbbell-row", sundayEvening, sundayEvening + 60_000, 10, 0, 0,
                70_000, "3-1-3-0", 90, 10, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0), tokyo, out::add);
        sessions.advanceTo(Long.MAX_VALUE / 2, tokyo, out::add);
        assertEquals("2026-W46", sessionsWritten().get(0).isoWeek());
        assertEquals(0, sessionsWritten().get(0).planWeek(), "no plan configured");
        assertEquals("", sessionsWritten().get(0).planPhase());
    }
}
