package io.tempostream.analytics.influx;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Sink V2 that writes elements as InfluxDB points in batches: when a batch is full, every
 * {@code flushIntervalMs}, and before every checkpoint barrier passes (so a completed checkpoint
 * implies its points were written, while InfluxDB is reachable).
 */
public final class InfluxSink<T> implements Sink<T> {
    private final InfluxOptions options;
    private final PointMapper<T> mapper;
    private final String healthName;

    public InfluxSink(InfluxOptions options, PointMapper<T> mapper) {
        this(options, mapper, null);
    }

    /**
     * @param healthName if not null, each writer also writes its own {@code health} point every 10 s
     *     (tags {@code stage=sink}, {@code sink=healthName}): points written, write errors, points refused
     */
    public InfluxSink(InfluxOptions options, PointMapper<T> mapper, String healthName) {
        this.options = options;
        this.mapper = mapper;
        this.healthName = healthName;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        SinkHealth health = healthName == null ? null
                : new SinkHealth(healthName, context.getTaskInfo().getIndexOfThisSubtask());
        return new InfluxSinkWriter<>(options, mapper, context.getProcessingTimeService(), context.metricGroup(),
                InfluxConnection.open(options), health);
    }
}
