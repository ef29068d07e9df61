package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.cli.TempoStreamCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint written by a version whose rep operator kept its state in another format (the id
 * {@code reps-from-batches}, before the detectors' samples were side by side) is refused by
 * {@code tempostream run} at start, in one line that names the flag and the checkpoint, with no
 * stack trace; with {@code --allow-non-restored-state} the job starts from it. The checkpoint is
 * made by a real MiniCluster, the job runs in a JVM of its own against the real Mosquitto and InfluxDB.
 */
class RestoreFromAnOlderVersionIT {
    @TempDir
    Path dir;
    private final JobProcesses jobs = new JobProcesses("older");

    @AfterEach
    void cleanUp() throws Exception {
        jobs.close();
    }

    @Test
    void anOlderVersionsCheckpointIsRefusedInOneLineAndTakenWithTheSwitch() throws Exception {
        Path checkpoint = olderVersionsCheckpoint(dir.resolve("older"));

        Path refusedLog = dir.resolve("refused.log");
        Process refused = run(refusedLog, "--restore-from", checkpoint.toString());
        assertTrue(refused.waitFor(2, TimeUnit.MINUTES), "the job should be refused at start, not run");
        String output = Files.readString(refusedLog);
        assertEquals(1, refused.exitValue(), output);
        assertTrue(output.contains("tempostream run: --restore-from " + checkpoint
                + " holds state of an operator this version does not have"), output);
        assertTrue(output.contains("--allow-non-restored-state"), output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);

        Path startedLog = dir.resolve("started.log");
        Process started = run(startedLog, "--restore-from", checkpoint.toString(), "--allow-non-restored-state");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.readString(startedLog).contains("subscribed to") && started.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(started.isAlive() && Files.readString(startedLog).contains("subscribed to"),
                "with the switch the job starts from the checkpoint:\n" + Files.readString(startedLog));
    }

    /** `tempostream run` in a JVM of its own, with the console logging the launcher gives it. */
    private Process run(Path log, String... flags) throws Exception {
        List<String> all = new ArrayList<>(List.of("--checkpoint-dir", dir.resolve("checkpoints").toString()));
        all.addAll(List.of(flags));
        return jobs.start(List.of("-Dlogback.configurationFile=tempostream-logback.xml"),
                List.of(TempoStreamCli.class.getName(), "run"), all, log);
    }

    /**
     * A completed checkpoint holding keyed state of an operator with the older id: what a job of
     * that version left, as far as the new one can tell before reading it.
     */
    private static Path olderVersionsCheckpoint(Path checkpoints) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(200));
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(100), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers")
                .keyBy(i -> i % 10)
                .map(new CountPerKey())
                .uid("reps-from-batches")
                .sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("older version");
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (JobProcesses.latestCheckpoint(checkpoints).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
        // Only now: each completed checkpoint replaces the one before it until the job is cancelled.
        return JobProcesses.latestCheckpoint(checkpoints)
                .orElseThrow(() -> new AssertionError("no checkpoint completed under " + checkpoints));
    }

    /** Keyed state, so the checkpoint holds some for the operator. */
    private static final class CountPerKey extends RichMapFunction<Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public Long map(Long value) throws Exception {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            return next;
        }
    }
}
