package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.PointMapper;
import org.influxdb.dto.Point;

/**
 * The phase under way as the {@code live_phase} measurement: timestamped at the phase's start, so
 * each report of the same phase overwrites the last and the newest point is the phase now.
 */
public final class LivePhasePoints implements PointMapper<PhaseProgress> {
    public static final String MEASUREMENT = "live_phase";

    @Override
    public Point toPoint(PhaseProgress p) {
        return DevicePoint.at(MEASUREMENT, p.sinceMs(), p.athleteId(), p.deviceId())
                .addField("phase", p.phase())
                .addField("elapsed_ms", p.elapsedMs())
                .addField("concentric_ms", p.concentricMs())
                .addField("top_hold_ms", p.topHoldMs())
                .addField("eccentric_ms", p.eccentricMs())
                .addField("bottom_pause_ms", p.bottomPauseMs())
                .addField("active", p.active())
                .build();
    }
}
