package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.LineProtocolSafety;
import io.tempostream.analytics.training.SessionSet;
import io.tempostream.analytics.training.SetAnalysis;
import org.influxdb.dto.Point;

/**
 * A set as the {@code set} measurement: timestamp its start, so each update of the growing set
 * overwrites the one before and the last written is the whole set; and once its session has
 * ended, as the {@code session_set} measurement under the session's label (docs/metrics-schema.md).
 */
final class SetPoints {
    static final String MEASUREMENT = "set";
    static final String SESSION_SET = "session_set";

    private SetPoints() {
    }

    static Point toPoint(SetAnalysis s) {
        return builder(MEASUREMENT, s).build();
    }

    /** A finished session's set as the {@code session_set} measurement: the same fields, tagged with the session. */
    static Point toPoint(SessionSet s) {
        return builder(SESSION_SET, s.set()).tag("session", s.session()).build();
    }

    private static Point.Builder builder(String measurement, SetAnalysis s) {
        Point.Builder point = DevicePoint.at(measurement, s.startMs(), s.athleteId(), s.deviceId());
        if (!s.exercise().isEmpty()) {
            point.tag("exercise", LineProtocolSafety.checked("exercise", s.exercise()));
        }
        return point.addField("set", (long) s.set())
                .addField("category", s.category().name().toLowerCase(java.util.Locale.ROOT))
                .addField("end_ms", s.endMs())
                .addField("duration_ms", s.endMs() - s.startMs())
                .addField("reps", (long) s.reps())
                .addField("holds", (long) s.holds())
                .addField("hold_ms", s.holdMs())
                .addField("tut_ms", s.timeUnderTensionMs())
                .addField("tempo", s.tempo())
                .addField("tempo_score", s.meanScore())
                .addField("reps_on_tempo", (long) s.repsOnTempo())
                .addField("pause_reps", (long) s.pauseReps())
                .addField("squeezes_held", (long) s.squeezesHeld())
                .addField("velocity_loss_pct", s.velocityLossPct())
                .addField("concentric_slowing_pct", s.concentricSlowingPct())
                .addField("consistency_cv_pct", s.consistencyCvPct())
                .addField("range_change_pct", s.rangeChangePct())
                .addField("swings", (long) s.swings())
                .addField("bounces", (long) s.bounces())
                .addField("partials", (long) s.partials())
                .addField("rushed_eccentrics", (long) s.rushedEccentrics());
    }
}
