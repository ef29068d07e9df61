package io.tempostream.analytics.bench;

import io.tempostream.analytics.job.TempoStreamJob;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.mqtt.MqttRecord;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole job in process: binary messages of {@link #DEVICES} wrist devices (each replaying the
 * same 8-minute simulated session of rows at 100 Hz, 10 samples a message, under its own ids) →
 * decode → event time → one engine per device → training analytics per athlete → a discarding
 * sink, on a local MiniCluster at parallelism 1 and 2. One operation is one sample.
 * {@link EngineLoopBenchmark} runs the plain engines over the same samples, for the job's overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JobThroughputBenchmark {
    static final int DEVICES = 400;
    /** 8 minutes: long enough that starting the MiniCluster (about 1 s) is a small part of a run. */
    static final int BATCHES_PER_DEVICE = 4_800;
    static final int SAMPLES = DEVICES * BATCHES_PER_DEVICE * 10;

    @Param({"1", "2"})
    public int parallelism;

    private List<ImuBatch> template;

    @Setup
    public void simulate() {
        template = template();
    }

    /** One device's 8 minutes: four sets of 10 rows at 2-1-2-0, each with its rest after it, 100 Hz. */
    static List<ImuBatch> template() {
        SetScript set = SetScript.of(Exercise.DUMBBELL_ROW, 10, "2-1-2-0", 75_000);
        return ExerciseSimulator.simulate(new SessionScript("bench", "wrist", Placement.WRIST, 100, 10, 5_000,
                List.of(set, set, set, set)), 1_764_000_000_000L, 1).batches().subList(0, BATCHES_PER_DEVICE);
    }

    /**
     * Message {@code i}: batch {@code i / DEVICES} of device {@code i % DEVICES}, in time order
     * across devices. Ids come from the topic, so every device sends the same encoded payloads.
     */
    static final class Messages implements GeneratorFunction<Long, MqttRecord> {
        private final byte[][] payloads;

        Messages(List<ImuBatch> template) {
            payloads = template.stream().map(b -> ImuBatchCodec.encode(b, PayloadFormat.BINARY)).toArray(byte[][]::new);
        }

        @Override
        public MqttRecord map(Long index) {
            int device = (int) (index % DEVICES);
            return new MqttRecord("tempostream/athlete-" + device + "/wrist/imu", payloads[(int) (index / DEVICES)], 0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void job() throws Exception {
        run((long) DEVICES * BATCHES_PER_DEVICE);
    }

    /**
     * The same job over a single message: what starting and stopping a MiniCluster and the job
     * costs. One operation is one run; the job's steady rate is its samples over its time less this.
     */
    @Benchmark
    public void startAndStop() throws Exception {
        run(1);
    }

    private void run(long messages) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        if (Boolean.getBoolean("bench.objectReuse")) {
            env.getConfig().enableObjectReuse();
        }
        DataGeneratorSource<MqttRecord> source = new DataGeneratorSource<>(new Messages(template), messages,
                RateLimiterStrategy.noOp(), TypeInformation.of(MqttRecord.class));
        new TempoStreamJob(source, new DiscardingSink<>(), 500).addTo(env);
        env.execute("job throughput benchmark");
    }
}
