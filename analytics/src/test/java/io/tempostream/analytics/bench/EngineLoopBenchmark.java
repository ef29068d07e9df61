package io.tempostream.analytics.bench;

import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The samples of {@link JobThroughputBenchmark} through one engine per device on one thread,
 * with nothing else: the job's overhead is this rate over the job's. One operation is one sample.
 * {@link #engineLoop} runs each device's whole session in turn; {@link #engineLoopInterleaved}
 * takes the batches in the order the job gets them, every device's first batch, then every
 * device's second, and so on: 400 detectors' state in turn instead of one's, which the cache feels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineLoopBenchmark {
    private List<ImuBatch> template;

    @Setup
    public void simulate() {
        template = JobThroughputBenchmark.template();
    }

    @Benchmark
    @OperationsPerInvocation(JobThroughputBenchmark.SAMPLES)
    public void engineLoop(Blackhole reps) {
        for (int device = 0; device < JobThroughputBenchmark.DEVICES; device++) {
            RepDetector detector = RepDetectors.forPlacement(Placement.WRIST, "athlete-" + device, "wrist");
            for (ImuBatch b : template) {
                detector.accept(b, reps::consume);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(JobThroughputBenchmark.SAMPLES)
    public void engineLoopInterleaved(Blackhole reps) {
        RepDetector[] detectors = new RepDetector[JobThroughputBenchmark.DEVICES];
        for (int device = 0; device < detectors.length; device++) {
            detectors[device] = RepDetectors.forPlacement(Placement.WRIST, "athlete-" + device, "wrist");
        }
        for (ImuBatch b : template) {
            for (RepDetector detector : detectors) {
                detector.accept(b, reps::consume);
            }
        }
    }
}
