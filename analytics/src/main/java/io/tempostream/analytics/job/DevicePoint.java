package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.LineProtocolSafety;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * The head every per-device point shares: its measurement, its timestamp (sensor ms) and the
 * {@code athlete} and {@code device} tags, checked for what line protocol cannot carry.
 */
final class DevicePoint {
    private DevicePoint() {
    }

    static Point.Builder at(String measurement, long timeMs, String athleteId, String deviceId) {
        return Point.measurement(measurement)
                .time(timeMs, TimeUnit.MILLISECONDS)
                .tag("athlete", LineProtocolSafety.checked("athlete", athleteId))
                .tag("device", LineProtocolSafety.checked("device", deviceId));
    }
}
