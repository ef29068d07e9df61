package io.tempostream.analytics.bench;

import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SpeedCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The wrist engine batch by batch as the job drives it, asked its live phase after every batch or
 * never: the difference is what the live view costs. Fifteen 100 Hz sessions (rows, Pendlay rows
 * and squats along each speed curve, with human variability; two sets), 10 samples a batch. One
 * operation is one batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LivePhaseBenchmark {
    static final int BATCHES = 22_685;

    @Param({"after-each-batch", "never"})
    public String livePhase;

    private final List<List<ImuBatch>> sessions = new ArrayList<>();

    @Setup
    public void simulate() {
        long seed = 1;
        int batches = 0;
        for (SpeedCurve curve : SpeedCurve.values()) {
            for (Exercise exercise : List.of(Exercise.DUMBBELL_ROW, Exercise.PENDLAY_ROW, Exercise.SQUAT)) {
                SessionScript script = new SessionScript("bench", "wrist", Placement.WRIST, 100, 10, 6_000, List.of(
                        SetScript.of(exercise, 8, "3-1-3-0", 30_000).moving(curve, true),
                        SetScript.of(exercise, 8, "2-1-2-0", 20_000).moving(curve, true)));
                List<ImuBatch> session = ExerciseSimulator.simulate(script, 1_764_000_000_000L, seed++).batches();
                sessions.add(session);
                batches += session.size();
            }
        }
        if (batches != BATCHES) {
            throw new IllegalStateException("the sessions have " + batches + " batches, the benchmark expects " + BATCHES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCHES)
    public void wristEngine(Blackhole out) {
        boolean ask = livePhase.equals("after-each-batch");
        for (List<ImuBatch> session : sessions) {
            RepDetector detector = RepDetectors.forPlacement(Placement.WRIST, "bench", "wrist");
            for (ImuBatch batch : session) {
                detector.accept(batch, out::consume);
                if (ask) {
                    out.consume(detector.livePhase());
                }
            }
        }
    }
}
