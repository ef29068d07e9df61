package io.tempostream.analytics.influx;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Sink V2 that writes elements as InfluxDB points in batches: when a batch is full, every
 * {@code flushIntervalMs}, and before every checkpoint barrier passes. Points InfluxDB has not
 * taken by then are kept in the checkpoint (writer state: their line protocol), so an outage of
 * InfluxDB neither stops checkpoints nor loses points across a restart.
 */
public final class InfluxSink<T> implements Sink<T>, SupportsWriterState<T, String> {
    private final InfluxOptions options;
    private final PointMapper<T> mapper;
    private final String healthName;

    public InfluxSink(InfluxOptions options, PointMapper<T> mapper) {
        this(options, mapper, null);
    }

    /**
     * @param healthName if not null, each writer also writes its own {@code health} point every 10 s
     *     (tags {@code stage=sink}, {@code sink=healthName}): points written, write errors, points
     *     refused; and it is the sink that logs InfluxDB going away and coming back
     */
    public InfluxSink(InfluxOptions options, PointMapper<T> mapper, String healthName) {
        this.options = options;
        this.mapper = mapper;
        this.healthName = healthName;
    }

    @Override
    public StatefulSinkWriter<T, String> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, String> restoreWriter(WriterInitContext context, Collection<String> pendingLines) {
        SinkHealth health = healthName == null ? null
                : new SinkHealth(healthName, context.getTaskInfo().getIndexOfThisSubtask());
        return new InfluxSinkWriter<>(options, mapper, context.getProcessingTimeService(), context.metricGroup(),
                InfluxConnection.open(options), health, pendingLines);
    }

    @Override
    public SimpleVersionedSerializer<String> getWriterStateSerializer() {
        return new PendingLineSerializer();
    }

    /** One point not yet written, as its line protocol in UTF-8. */
    static final class PendingLineSerializer implements SimpleVersionedSerializer<String> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(String line) {
            return line.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(int version, byte[] serialized) {
            return new String(serialized, StandardCharsets.UTF_8);
        }
    }
}
