package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.config.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobOptionsTest {
    private static JobOptions parse(String... args) {
        return JobOptions.fromFlags(Flags.parse(args, JobOptions.FLAGS, Set.of()));
    }

    @Test
    void checkpointsAreOnAndHoldBackAcknowledgementsByDefault() {
        JobOptions options = parse();
        assertEquals(10_000, options.checkpointIntervalMs());
        assertTrue(options.mqtt().ackAfterCheckpoint());
        // The session must outlive a restart, or the broker would drop what was not acknowledged.
        assertEquals(JobOptions.UNNAMED_SESSION_EXPIRY_S, options.mqtt().sessionExpirySeconds());
    }

    @Test
    void aNamedJobKeepsItsSessionForAnHour() {
        assertEquals(3_600, parse("--client-id-prefix", "gym-1").mqtt().sessionExpirySeconds());
    }

    @Test
    void withoutCheckpointsMessagesAreAcknowledgedOnArrival() {
        JobOptions options = parse("--checkpoint-interval-ms", "0");
        assertFalse(options.mqtt().ackAfterCheckpoint());
        assertEquals(0, options.mqtt().sessionExpirySeconds());
    }

    @Test
    void aCleanSessionWithCheckpointsIsRefusedNamingTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--session-expiry-s", "0"));
        assertTrue(e.getMessage().contains("--session-expiry-s") && e.getMessage().contains("'0'"), e.getMessage());
    }

    @Test
    void restoringFromAMissingOrUnfinishedCheckpointIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path unfinished = Files.createDirectories(dir.resolve("chk-7"));
        for (String location : new String[] {unfinished.toString(), dir.resolve("chk-8").toUri().toString()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--restore-from", location));
            assertTrue(e.getMessage().contains("--restore-from") && e.getMessage().contains(location), e.getMessage());
        }
        Files.writeString(unfinished.resolve("_metadata"), "");
        assertEquals(unfinished.toString(), parse("--restore-from", unfinished.toString()).restoreFrom());
    }
}
