package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.influx.PointMapper;
import org.influxdb.dto.Point;

/**
 * A rep as the {@code rep} measurement of docs/metrics-schema.md (isometric holds go to
 * {@link HoldPoints} instead: see {@link TrainingPoints}). Tags and timestamp (the rep's
 * start) identify the point, so writing the same rep again overwrites it instead of doubling it.
 */
public final class RepPoints implements PointMapper<Rep> {
    public static final String MEASUREMENT = "rep";

    @Override
    public Point toPoint(Rep rep) {
        return builder(rep).build();
    }

    /** The rep's point so far, for {@link AnalysedRepPoints} to add its analysis to. */
    static Point.Builder builder(Rep rep) {
        return DevicePoint.at(MEASUREMENT, rep.startMs(), rep.athleteId(), rep.deviceId())
                .addField("set", (long) rep.set())
                .addField("rep", (long) rep.rep())
                .addField("end_ms", rep.endMs())
                .addField("duration_ms", rep.durationMs())
                .addField("concentric_ms", rep.concentricMs())
                .addField("peak_hold_ms", rep.peakHoldMs())
                .addField("eccentric_ms", rep.eccentricMs())
                .addField("bottom_pause_ms", rep.bottomPauseMs())
                .addField("rom_deg", rep.romDeg())
                .addField("travel_m", rep.travelM())
                .addField("peak_velocity", rep.peakVelocity())
                .addField("concentric_jolt", rep.concentricJolt())
                .addField("eccentric_jolt", rep.eccentricJolt())
                .addField("provisional", rep.provisional());
    }
}
