package io.tempostream.simulator;

import java.io.PrintWriter;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a program's weeks really held, from the simulated reps: sessions, working sets (every set
 * but the activation squeezes), and the rest between sessions, per ISO week in the program's
 * time zone. The job's adherence figures must equal these.
 */
public final class ProgramTruth {
    /** The program's weekly ceiling and minimum rest, as the brief states them. */
    public static final int MAX_WEEKLY_WORKING_SETS = 12;
    public static final double MIN_RECOVERY_HOURS = 48;

    /** One week: {@code minHoursBetween} is NaN when no session of it has one before. */
    public record Week(String isoWeek, int sessions, int workingSets, double minHoursBetween, int recoveryWarnings) {
        public boolean setCeilingExceeded() {
            return workingSets > MAX_WEEKLY_WORKING_SETS;
        }
    }

    /** One session: first rep's start to last rep's end. */
    public record Session(long startMs, long endMs, int workingSets) {
    }

    private ProgramTruth() {
    }

    /** Sessions are the program's own; their spans come from the reps. */
    public static List<Session> sessions(ProgramScript program, SimulatedDevice device) {
        List<Session> sessions = new ArrayList<>();
        List<ProgramScript.ScheduledSession> scheduled = program.sessions();
        for (int i = 0; i < scheduled.size(); i++) {
            long from = scheduled.get(i).startMs();
            long to = i + 1 < scheduled.size() ? scheduled.get(i + 1).startMs() : Long.MAX_VALUE;
            List<RepTruth> reps = device.reps().stream().filter(r -> r.startMs() >= from && r.startMs() < to).toList();
            int working = (int) reps.stream().filter(r -> !r.exercise().equals(Exercise.SCAPULAR_SQUEEZE.scriptName()))
                    .map(RepTruth::set).distinct().count();
            sessions.add(new Session(reps.get(0).startMs(), reps.get(reps.size() - 1).endMs(), working));
        }
        return sessions;
    }

    public static List<Week> weeks(ProgramScript program, SimulatedDevice device) {
        ZoneId zone = program.zone();
        Map<LocalDate, List<Double>> hoursByWeek = new TreeMap<>();
        Map<LocalDate, int[]> countsByWeek = new LinkedHashMap<>();
        List<Session> sessions = sessions(program, device);
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            LocalDate monday = Instant.ofEpochMilli(s.startMs()).atZone(zone).toLocalDate().with(DayOfWeek.MONDAY);
            int[] counts = countsByWeek.computeIfAbsent(monday, k -> new int[2]);
            counts[0]++;
            counts[1] += s.workingSets();
            List<Double> hours = hoursByWeek.computeIfAbsent(monday, k -> new ArrayList<>());
            if (i > 0) {
                hours.add((s.startMs() - sessions.get(i - 1).endMs()) / 3_600_000.0);
            }
        }
        List<Week> weeks = new ArrayList<>();
        countsByWeek.forEach((monday, counts) -> {
            List<Double> hours = hoursByWeek.get(monday);
            weeks.add(new Week(String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), counts[0], counts[1],
                    hours.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    (int) hours.stream().filter(h -> h < MIN_RECOVERY_HOURS).count()));
        });
        return weeks;
    }

    static void write(List<Week> weeks, PrintWriter out) {
        out.println("iso_week,sessions,working_sets,set_ceiling_exceeded,min_hours_between,recovery_warnings");
        for (Week w : weeks) {
            out.printf(Locale.ROOT, "%s,%d,%d,%b,%s,%d%n", w.isoWeek(), w.sessions(), w.workingSets(),
                    w.setCeilingExceeded(), Double.isNaN(w.minHoursBetween()) ? "" : String.format(Locale.ROOT, "%.2f",
                            w.minHoursBetween()), w.recoveryWarnings());
        }
    }
}
