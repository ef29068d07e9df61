package io.tempostream.analytics.bench;

import io.tempostream.analytics.detect.ExerciseHint;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.detect.RotationRepDetector;
import io.tempostream.analytics.detect.RotationThresholds;
import io.tempostream.analytics.detect.VerticalRepDetector;
import io.tempostream.analytics.detect.WristRepDetector;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.DeviceSession;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SetPlan;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.SpeedCurve;
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
    /**
     * Rows seen from the upper back, for the back's engine on what it is for: 100 Hz, 3 sets × 10 at
     * 3-1-3-0 on the minimum-jerk curve with human variability, 30 s rests, so that every rep
     * phase is timed from its whole speed curve ({@code SpeedCurveFit}); the wrist's session holds
     * few movements big enough to be fitted.
     */
    static final int BACK_SAMPLES = 27_000;
    private SessionSamples back;
    private int[] kept;

    @Setup
    public void simulate() {
        TempoPrescription tempo = TempoPrescription.parse("3-1-3-0");
        SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession("bench", "wrist", Placement.WRIST,
                1_764_000_000_000L, 100, 100, 3_000,
                List.of(new SetPlan(10, tempo, 70, 30_000), new SetPlan(10, tempo, 70, 30_000),
                        new SetPlan(10, tempo, 70, 5_000)), 0.05, 1));
        SessionSamples samples = SessionSamples.first(device, SAMPLES);
        t = samples.t();
        c = samples.c();
        SetScript rows = SetScript.of(Exercise.DUMBBELL_ROW, 10, "3-1-3-0", 30_000).moving(SpeedCurve.MINIMUM_JERK, true);
        back = SessionSamples.first(ExerciseSimulator.simulate(new SessionScript("bench", "back", Placement.BACK, 100, 10,
                3_000, List.of(rows, rows, rows)), 1_764_000_000_000L, 1), BACK_SAMPLES);
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

    /** The upper back's engine, as the job builds it, on rows seen from the upper back. */
    @Benchmark
    @OperationsPerInvocation(BACK_SAMPLES)
    public void backRepDetector(Blackhole reps) {
        RepDetector detector = RepDetectors.forPlacement(Placement.BACK, "bench", "back");
        Consumer<Rep> out = reps::consume;
        long[] bt = back.t();
        float[][] bc = back.c();
        for (int i = 0; i < BACK_SAMPLES; i++) {
            detector.accept(bt[i], bc[0][i], bc[1][i], bc[2][i], bc[3][i], bc[4][i], bc[5][i], out);
        }
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
