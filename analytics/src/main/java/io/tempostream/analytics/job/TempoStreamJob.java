package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.influx.InfluxSink;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttRecord;
import io.tempostream.ingest.mqtt.MqttSource;
import java.time.Duration;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline: MQTT messages → sample batches (bad ones to a side output) → event time → one rep
 * detector per device → reps to the sink. It takes its source and sink as arguments, so tests and
 * the demo wire their own while {@link #main} wires MQTT and InfluxDB.
 */
public final class TempoStreamJob {
    /** Idle readers (a shared subscription with few devices) must not hold the watermark back. */
    private static final Duration IDLE_READER_AFTER = Duration.ofSeconds(2);

    private final Source<MqttRecord, ?, ?> source;
    private final Sink<Rep> repSink;
    private final long maxOutOfOrderMs;

    public TempoStreamJob(Source<MqttRecord, ?, ?> source, Sink<Rep> repSink, long maxOutOfOrderMs) {
        this.source = source;
        this.repSink = repSink;
        this.maxOutOfOrderMs = maxOutOfOrderMs;
    }

    /** What the pipeline emits besides writing reps to the sink: for the console, tests and health metrics. */
    public record Outputs(DataStream<Rep> reps, DataStream<RejectedPayload> rejected) {
    }

    /** Adds the pipeline to {@code env} and returns the reps, for extra consumers such as the console. */
    public DataStream<Rep> addTo(StreamExecutionEnvironment env) {
        return addWithOutputs(env).reps();
    }

    public Outputs addWithOutputs(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<ImuBatch> batches = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "MQTT messages")
                .uid("mqtt-source")
                .process(new BatchesFromMessages())
                .name("Sample batches from messages")
                .uid("batches-from-messages");
        DataStream<Rep> reps = batches
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<ImuBatch>forBoundedOutOfOrderness(Duration.ofMillis(maxOutOfOrderMs))
                        .withTimestampAssigner((batch, previous) -> batch.lastTimestampMs())
                        .withIdleness(IDLE_READER_AFTER))
                .name("Event time from samples")
                .uid("event-time")
                .keyBy(batch -> batch.athleteId() + "/" + batch.deviceId())
                .process(new RepsFromBatches())
                .name("Reps from batches")
                .uid("reps-from-batches");
        reps.sinkTo(repSink).name("InfluxDB reps").uid("influx-reps");
        return new Outputs(reps, batches.getSideOutput(BatchesFromMessages.REJECTED));
    }

    public static void configure(StreamExecutionEnvironment env, JobOptions options) {
        env.setParallelism(options.parallelism());
        if (options.checkpointIntervalMs() > 0) {
            env.enableCheckpointing(options.checkpointIntervalMs());
        }
    }

    public static TempoStreamJob fromOptions(JobOptions options) {
        return new TempoStreamJob(new MqttSource(options.mqtt()), new InfluxSink<>(options.influx(), new RepPoints()),
                options.maxOutOfOrderMs());
    }

    /** Runs the job where it is started: a MiniCluster from the command line, the cluster under {@code flink run}. */
    public static void main(String[] args) throws Exception {
        JobOptions options;
        try {
            options = JobOptions.fromFlags(Flags.parse(args, JobOptions.FLAGS, Set.of()));
        } catch (IllegalArgumentException e) {
            System.err.println("tempostream run: " + e.getMessage());
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, options);
        fromOptions(options).addTo(env);
        env.execute("TempoStream reps from " + options.mqtt().endpoint().serverUri());
    }
}
