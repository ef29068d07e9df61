package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.influx.PointMapper;
import org.influxdb.dto.Point;

/**
 * An isometric hold (a scapular squeeze held 5–10 s) as the {@code hold} measurement of
 * docs/metrics-schema.md: one point with its duration, not a rep. Tags and timestamp (the start of
 * the hold) identify the point, so writing it again overwrites it.
 */
public final class HoldPoints implements PointMapper<Rep> {
    public static final String MEASUREMENT = "hold";

    @Override
    public Point toPoint(Rep hold) {
        return builder(hold).build();
    }

    /** The hold's point so far, for {@link AnalysedRepPoints} to add to. */
    static Point.Builder builder(Rep hold) {
        if (!hold.isometric()) {
            throw new IllegalArgumentException("not an isometric hold: set " + hold.set() + " rep " + hold.rep()
                    + " held " + hold.peakHoldMs() + " ms");
        }
        long startMs = hold.peakHoldStartMs();
        return DevicePoint.at(MEASUREMENT, startMs, hold.athleteId(), hold.deviceId())
                .addField("set", (long) hold.set())
                .addField("hold", (long) hold.rep())
                .addField("end_ms", startMs + hold.peakHoldMs())
                .addField("duration_ms", hold.peakHoldMs())
                .addField("rom_deg", hold.romDeg());
    }
}
