package io.tempostream.analytics.bench;

import io.tempostream.analytics.detect.ExerciseHint;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RotationRepDetector;
import io.tempostream.analytics.detect.RotationThresholds;
import io.tempostream.analytics.detect.VerticalRepDetector;
import io.tempostream.analytics.detect.WristRepDetector;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.DeviceSession;
import io.tempostream.simulator.SetPlan;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WristRowSimulator;
import java.util.List;
import java.util.function.Consumer;
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
 * Engine speed in samples per second on one core: a simulated 100 Hz session (3 sets × 10 rows,
 * 3-1-3-0, rests) fed sample by sample into a fresh detector. One operation is one sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RepDetectorBenchmark {
    static final int SAMPLES = 26_101;
    /** Batches of 10 samples (0.1 s, as the load generator sends them); 5 lost every 100 from the 50th: 5 %. */
    static final int BATCH = 10, LOST_EVERY = 100, LOST_RUN = 5, FIRST_LOST = 50;
    /** What is left of the session when 5 % of its batches are lost in runs of 5 (0.5 s): 26 runs. */
    static final int SAMPLES_LOSING_MESSAGES = SAMPLES - 26 * LOST_RUN * BATCH;

    private long[] t;
    private float[][] c;
    private int[] kept;

    @Setup
    public void simulate() {
        TempoPrescription tempo = TempoPrescription.parse("3-1-3-0");
        SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession("bench", "wrist", Placement.WRIST,
                1_764_000_000_000L, 100, 100, 3_000,
                List.of(new SetPlan(10, tempo, 70, 30_000), new SetPlan(10, tempo, 70, 30_000),
                        new SetPlan(10, tempo, 70, 5_000)), 0.05, 1));
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
        kept = new int[SAMPLES_LOSING_MESSAGES];
        int k = 0;
        for (int i = 0; i < SAMPLES; i++) {
            int batch = i / BATCH;
            boolean lost = batch >= FIRST_LOST && (batch - FIRST_LOST) % LOST_EVERY < LOST_RUN;
            if (!lost) {
                kept[k++] = i;
            }
        }
        if (k != SAMPLES_LOSING_MESSAGES) {
            throw new IllegalStateException("kept " + k + " samples of the lossy session, benchmark expects " + SAMPLES_LOSING_MESSAGES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void wristRepDetector(Blackhole reps) {
        feed(new WristRepDetector("bench", "wrist"), reps);
    }

    /** The same with the exercise selected (rows), as the app sends it: the engine also looks for a set's first rep. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void wristRepDetectorSelected(Blackhole reps) {
        WristRepDetector detector = new WristRepDetector("bench", "wrist");
        detector.follow(ExerciseHint.ROW);
        feed(detector, reps);
    }

    /**
     * The wrist engine where the broker drops messages: each lost run inside a set makes it look for
     * the rep after the dropout (every 250 ms until one is offered). One operation is a sample fed.
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES_LOSING_MESSAGES)
    public void wristRepDetectorLosingMessages(Blackhole reps) {
        RepDetector detector = new WristRepDetector("bench", "wrist");
        Consumer<Rep> out = reps::consume;
        for (int i : kept) {
            detector.accept(t[i], c[0][i], c[1][i], c[2][i], c[3][i], c[4][i], c[5][i], out);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void rotationOnly(Blackhole reps) {
        feed(new RotationRepDetector("bench", "wrist"), reps);
    }

    /** The upper back's engine (rotation at the back's thresholds), on the same samples: its cost per sample. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void backRotation(Blackhole reps) {
        feed(new RotationRepDetector("bench", "back", RotationThresholds.BACK), reps);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void verticalOnly(Blackhole reps) {
        feed(new VerticalRepDetector("bench", "wrist"), reps);
    }

    /**
     * One consumer for the whole session, as the job passes one for a whole batch: a new one per
     * sample (a method reference made in the loop) made the engines wrap it anew on every sample,
     * a cost the job does not pay.
     */
    private void feed(RepDetector detector, Blackhole reps) {
        Consumer<Rep> out = reps::consume;
        for (int i = 0; i < SAMPLES; i++) {
            detector.accept(t[i], c[0][i], c[1][i], c[2][i], c[3][i], c[4][i], c[5][i], out);
        }
    }
}
