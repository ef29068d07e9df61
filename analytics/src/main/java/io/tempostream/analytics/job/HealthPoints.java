package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.PointMapper;
import io.tempostream.ingest.RejectReason;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/** A reader's intake as a {@code health} point (tag {@code stage=ingest}), docs/metrics-schema.md. */
public final class HealthPoints implements PointMapper<IngestHealth> {
    public static final String MEASUREMENT = "health";

    @Override
    public Point toPoint(IngestHealth h) {
        double seconds = Math.max(1, h.intervalMs()) / 1000.0;
        Point.Builder point = Point.measurement(MEASUREMENT)
                .time(h.atMs(), TimeUnit.MILLISECONDS)
                .tag("stage", "ingest")
                .tag("subtask", Integer.toString(h.subtask()))
                .addField("interval_ms", h.intervalMs())
                .addField("batches", h.batches())
                .addField("samples", h.samples())
                .addField("selections", h.selections())
                .addField("rejected", h.rejected())
                .addField("batches_per_s", h.batches() / seconds)
                .addField("samples_per_s", h.samples() / seconds)
                .addField("event_time_lag_ms", h.lagMs());
        for (RejectReason reason : RejectReason.values()) {
            point.addField("rejected_" + reason.metricName(), h.rejectedByReason()[reason.ordinal()]);
        }
        return point.build();
    }
}
