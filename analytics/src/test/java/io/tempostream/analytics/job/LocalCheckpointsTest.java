package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run left in the default checkpoint directory goes; a running job's checkpoints stay. */
class LocalCheckpointsTest {
    @TempDir
    Path root;

    private Path job(String id, Duration chkAge, Instant now) throws Exception {
        Path job = Files.createDirectories(root.resolve(id));
        Path chk = Files.createDirectories(job.resolve("chk-7"));
        Files.writeString(chk.resolve("_metadata"), "x");
        FileTime old = FileTime.from(now.minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(chk.resolve("_metadata"), old);
        Files.setLastModifiedTime(chk, FileTime.from(now.minus(chkAge)));
        Files.setLastModifiedTime(job, old); // a job directory itself changes only when a chk-N comes or goes
        return job;
    }

    @Test
    void jobDirectoriesNoCheckpointTouchedForAnHourAreDeleted() throws Exception {
        Instant now = Instant.now();
        Path killed = job("killed", Duration.ofHours(3), now);
        Path running = job("running", Duration.ofSeconds(10), now);
        Path justUnder = job("slow", LocalCheckpoints.STALE_AFTER.minusMinutes(1), now);

        assertEquals(List.of(killed), LocalCheckpoints.deleteStale(root, now));
        try (Stream<Path> left = Files.list(root)) {
            assertEquals(List.of(running, justUnder), left.sorted().toList());
        }
    }

    @Test
    void noDirectoryIsNothingToDo() {
        assertEquals(List.of(), LocalCheckpoints.deleteStale(root.resolve("absent"), Instant.now()));
    }
}
