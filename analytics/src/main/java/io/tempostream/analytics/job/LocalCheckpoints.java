package io.tempostream.analytics.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;

/**
 * Housekeeping of {@link TempoStreamJob#DEFAULT_CHECKPOINT_DIR}, where a job run on this machine
 * without --checkpoint-dir keeps its checkpoints: they serve that run's own restarts only, yet
 * Flink leaves them behind when the process is stopped or killed, about 600 MB a run at 2 000
 * devices. A cluster's checkpoints are the cluster's business and are not touched.
 */
public final class LocalCheckpoints {
    /** A job directory no checkpoint has touched for this long belongs to a run that was killed. */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private LocalCheckpoints() {
    }

    /**
     * For a job run here with the default directory: deletes what killed runs left there, and
     * this job's own checkpoints when this JVM ends (Ctrl-C, SIGTERM, or the job's end).
     */
    public static void manage(StreamExecutionEnvironment env, JobClient job) {
        if (!(env instanceof LocalStreamEnvironment) || !TempoStreamJob.checkpointsInDefaultDir(env.getConfiguration())) {
            return;
        }
        Path root = TempoStreamJob.DEFAULT_CHECKPOINT_DIR;
        deleteStale(root, Instant.now());
        Path own = root.resolve(job.getJobID().toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                job.cancel().get(10, TimeUnit.SECONDS); // so no checkpoint is being written as they go
            } catch (Exception alreadyOver) {
                // finished, failed or cancelled before: nothing writes there any more
            }
            FileUtils.deleteDirectoryQuietly(own.toFile());
        }, "delete-checkpoints"));
    }

    /** Deletes the job directories under {@code root} that no checkpoint has touched for {@link #STALE_AFTER}. */
    static List<Path> deleteStale(Path root, Instant now) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> jobs = Files.list(root)) {
            List<Path> stale = jobs.filter(Files::isDirectory)
                    .filter(dir -> lastTouched(dir).isBefore(now.minus(STALE_AFTER))).toList();
            stale.forEach(dir -> FileUtils.deleteDirectoryQuietly(dir.toFile()));
            return stale;
        } catch (IOException e) {
            return List.of(); // housekeeping only: the job runs without it
        }
    }

    /** The newest modification of a job directory and its entries (a running job adds a chk-N every interval). */
    private static Instant lastTouched(Path jobDir) {
        try (Stream<Path> entries = Stream.concat(Stream.of(jobDir), Files.list(jobDir))) {
            return entries.map(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(Instant::compareTo).orElse(Instant.MAX);
        } catch (IOException | UncheckedIOException e) {
            return Instant.MAX; // cannot tell: leave it
        }
    }
}
