package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.LineProtocolSafety;
import io.tempostream.analytics.training.AthleteSessions;
import io.tempostream.analytics.training.SessionSummary;
import io.tempostream.analytics.training.WeekSummary;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * A finished session as the {@code session} measurement (timestamp its start) and its week as the
 * {@code week} measurement (timestamp the week's Monday, 00:00 in the athlete's time zone); a
 * week's point is rewritten as each of its sessions ends (docs/metrics-schema.md).
 */
final class SessionPoints {
    static final String SESSION = "session";
    static final String WEEK = "week";

    private SessionPoints() {
    }

    static Point toPoint(SessionSummary s) {
        Point.Builder point = Point.measurement(SESSION)
                .time(s.startMs(), TimeUnit.MILLISECONDS)
                .tag("athlete", LineProtocolSafety.checked("athlete", s.athleteId()))
                .tag("session", s.label())
                .addField("end_ms", s.endMs())
                .addField("duration_min", (s.endMs() - s.startMs()) / 60_000.0)
                .addField("iso_week", s.isoWeek())
                .addField("sets", (long) s.sets())
                .addField("working_sets", (long) s.workingSets())
                .addField("reps", (long) s.reps())
                .addField("holds", (long) s.holds())
                .addField("tut_ms", s.timeUnderTensionMs())
                .addField("exercises", s.exercises())
                .addField("isolation", s.isolation())
                .addField("activation_first", s.activationFirst())
                .addField("recovery_warning", s.recoveryWarning())
                .addField("plan_week", (long) s.planWeek())
                .addField("plan_phase", s.planPhase());
        if (!Double.isNaN(s.hoursSincePrevious())) {
            point.addField("hours_since_previous", s.hoursSincePrevious());
        }
        return point.build();
    }

    static Point toPoint(WeekSummary w) {
        Point.Builder point = Point.measurement(WEEK)
                .time(w.weekStartMs(), TimeUnit.MILLISECONDS)
                .tag("athlete", LineProtocolSafety.checked("athlete", w.athleteId()))
                .addField("iso_week", w.isoWeek())
                .addField("sessions", (long) w.sessions())
                .addField("working_sets", (long) w.workingSets())
                .addField("max_working_sets", (long) AthleteSessions.MAX_WEEKLY_WORKING_SETS)
                .addField("set_ceiling_exceeded", w.setCeilingExceeded())
                .addField("sessions_in_target", w.sessionsInTarget())
                .addField("recovery_warnings", (long) w.recoveryWarnings())
                .addField("isolation_sessions", (long) w.isolationSessions())
                .addField("plan_week", (long) w.planWeek())
                .addField("plan_phase", w.planPhase());
        if (!Double.isNaN(w.minHoursBetween())) {
            point.addField("min_hours_between", w.minHoursBetween());
        }
        return point.build();
    }
}
