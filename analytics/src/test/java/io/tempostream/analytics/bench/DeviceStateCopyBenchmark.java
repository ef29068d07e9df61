package io.tempostream.analytics.bench;

import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.job.DetectorKryoSerializer;
import io.tempostream.analytics.job.DeviceState;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The copy of one device's state that the heap state backend makes on the state's first use after
 * each checkpoint (every device, every checkpoint): with the job's serializer configuration
 * ({@link DetectorKryoSerializer}) and with Flink's default, which writes the state out and reads it back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DeviceStateCopyBenchmark {
    @Param({"WRIST", "BACK"})
    public Placement placement;
    @Param({"job", "flink-default"})
    public String serializers;

    private TypeSerializer<DeviceState> serializer;
    private DeviceState state;

    @Setup
    public void midSet() {
        Configuration conf = new Configuration();
        if (serializers.equals("job")) {
            conf.set(PipelineOptions.SERIALIZATION_CONFIG, DetectorKryoSerializer.serializationConfig());
        }
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.configure(conf, getClass().getClassLoader());
        serializer = TypeInformation.of(DeviceState.class).createSerializer(config);
        state = new DeviceState();
        state.detector = RepDetectors.forPlacement(placement, "bench", "d");
        SessionScript script = new SessionScript("bench", "d", placement, 100, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "3-1-3-0", 30_000)));
        List<ImuBatch> batches = ExerciseSimulator.simulate(script, 1_764_000_000_000L, 1).batches();
        for (ImuBatch batch : batches.subList(0, batches.size() / 2)) {
            state.detector.accept(batch, rep -> { });
        }
    }

    @Benchmark
    public DeviceState copy() {
        return serializer.copy(state);
    }
}
