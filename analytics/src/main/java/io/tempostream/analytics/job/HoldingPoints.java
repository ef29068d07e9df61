package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.LineProtocolSafety;
import io.tempostream.analytics.influx.PointMapper;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * A hold under way as the {@code holding} measurement: timestamp the hold's start, so each
 * report of the same hold overwrites the last and the point ends with its final length.
 */
public final class HoldingPoints implements PointMapper<HoldProgress> {
    public static final String MEASUREMENT = "holding";

    @Override
    public Point toPoint(HoldProgress h) {
        return Point.measurement(MEASUREMENT)
                .time(h.sinceMs(), TimeUnit.MILLISECONDS)
                .tag("athlete", LineProtocolSafety.checked("athlete", h.athleteId()))
                .tag("device", LineProtocolSafety.checked("device", h.deviceId()))
                .addField("held_ms", h.heldMs())
                .addField("active", h.active())
                .build();
    }
}
