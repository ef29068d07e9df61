package io.tempostream.analytics.influx;

import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * A sink writer's own report for the pipeline-health dashboard: over each interval, the points it
 * wrote, the write attempts InfluxDB failed (an outage shows here once it is over, since the report
 * waits in the same buffer), the points refused for good, and the points still waiting.
 */
final class SinkHealth {
    static final long REPORT_EVERY_MS = 10_000;

    private final String sink;
    private final int subtask;
    private long sinceMs = Long.MIN_VALUE;
    private long written;
    private long writeErrors;
    private long refused;

    SinkHealth(String sink, int subtask) {
        this.sink = sink;
        this.subtask = subtask;
    }

    void written(long points) {
        written += points;
    }

    void writeError() {
        writeErrors++;
    }

    void refused(long points) {
        refused += points;
    }

    /** The interval's point if one is due at {@code nowMs} (counting starts afresh), else null. */
    Point reportIfDue(long nowMs, int buffered) {
        if (sinceMs == Long.MIN_VALUE) {
            sinceMs = nowMs;
            return null;
        }
        if (nowMs - sinceMs < REPORT_EVERY_MS) {
            return null;
        }
        Point point = Point.measurement("health")
                .time(nowMs, TimeUnit.MILLISECONDS)
                .tag("stage", "sink")
                .tag("sink", sink)
                .tag("subtask", Integer.toString(subtask))
                .addField("interval_ms", nowMs - sinceMs)
                .addField("points_written", written)
                .addField("write_errors", writeErrors)
                .addField("points_refused", refused)
                .addField("buffered_points", (long) buffered)
                .build();
        sinceMs = nowMs;
        written = 0;
        writeErrors = 0;
        refused = 0;
        return point;
    }
}
