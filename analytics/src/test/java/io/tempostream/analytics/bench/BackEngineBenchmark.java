package io.tempostream.analytics.bench;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.SpeedCurve;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * The upper back's engine on what it is for: a simulated 100 Hz session of rows seen from the upper
 * back (3 sets × 10 at 3-1-3-0 on the minimum-jerk curve with human variability, 30 s rests), fed
 * sample by sample into a fresh detector, so that every rep phase is timed from its whole speed
 * curve ({@code SpeedCurveFit}). {@link RepDetectorBenchmark#backRotation} feeds the same engine a
 * wrist's samples, which hold few movements big enough to be fitted. One operation is one sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BackEngineBenchmark {
    static final int SAMPLES = 27_000;

    private long[] t;
    private float[][] c;

    @Setup
    public void simulate() {
        SetScript set = SetScript.of(Exercise.DUMBBELL_ROW, 10, "3-1-3-0", 30_000).moving(SpeedCurve.MINIMUM_JERK, true);
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("bench", "back", Placement.BACK, 100, 10, 3_000,
                List.of(set, set, set)), 1_764_000_000_000L, 1);
        t = new long[SAMPLES];
        c = new float[6][SAMPLES];
        int n = 0;
        for (ImuBatch b : device.batches()) {
            for (int i = 0; i < b.size() && n < SAMPLES; i++, n++) {
                t[n] = b.timestampsMs()[i];
                c[0][n] = b.accelXG()[i];
                c[1][n] = b.accelYG()[i];
                c[2][n] = b.accelZG()[i];
                c[3][n] = b.gyroXDps()[i];
                c[4][n] = b.gyroYDps()[i];
                c[5][n] = b.gyroZDps()[i];
            }
        }
        if (n != SAMPLES) {
            throw new IllegalStateException("simulated session has " + n + " samples, benchmark expects " + SAMPLES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void backRepDetector(Blackhole reps) {
        RepDetector detector = RepDetectors.forPlacement(Placement.BACK, "bench", "back");
        Consumer<Rep> out = reps::consume;
        for (int i = 0; i < SAMPLES; i++) {
            detector.accept(t[i], c[0][i], c[1][i], c[2][i], c[3][i], c[4][i], c[5][i], out);
        }
    }
}
