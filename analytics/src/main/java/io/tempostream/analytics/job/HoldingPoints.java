package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.PointMapper;
import org.influxdb.dto.Point;

/**
 * A hold under way as the {@code holding} measurement: timestamp the hold's start, so each
 * report of the same hold overwrites the last and the point ends with its final length.
 */
public final class HoldingPoints implements PointMapper<HoldProgress> {
    public static final String MEASUREMENT = "holding";

    @Override
    public Point toPoint(HoldProgress h) {
        return DevicePoint.at(MEASUREMENT, h.sinceMs(), h.athleteId(), h.deviceId())
                .addField("held_ms", h.heldMs())
                .addField("active", h.active())
                .build();
    }
}
