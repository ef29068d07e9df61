package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.config.Flags;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobOptionsTest {
    private static JobOptions parse(String... args) {
        return JobOptions.fromFlags(Flags.parse(args, JobOptions.FLAGS, JobOptions.SWITCHES));
    }

    @Test
    void checkpointsAreOnAndHoldBackAcknowledgementsByDefault() {
        JobOptions options = parse();
        assertEquals(10_000, options.checkpointIntervalMs());
        assertTrue(options.mqtt().ackAfterCheckpoint());
        // The session must outlive a restart, or the broker would drop what was not acknowledged.
        assertEquals(JobOptions.UNNAMED_SESSION_EXPIRY_S, options.mqtt().sessionExpirySeconds());
    }

    /**
     * Flink's default checkpoint storage (JobManager memory, 5 MB) fails for more than about 15
     * devices, and each failed checkpoint restarted the job: checkpoints go to a directory unless
     * the cluster's configuration names one.
     */
    @Test
    void checkpointsGoToADirectoryUnlessTheClusterNamesOne(@TempDir Path dir) {
        Configuration defaults = TempoStreamJob.flinkConfiguration(parse(), new Configuration());
        assertEquals("filesystem", defaults.get(CheckpointingOptions.CHECKPOINT_STORAGE));
        assertTrue(TempoStreamJob.checkpointsInDefaultDir(defaults));
        assertEquals(TempoStreamJob.DEFAULT_CHECKPOINT_DIR,
                Path.of(URI.create(defaults.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))));

        Configuration cluster = new Configuration();
        cluster.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "s3://bucket/checkpoints");
        assertFalse(TempoStreamJob.flinkConfiguration(parse(), cluster).contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                "the cluster's directory is kept");

        Configuration named = TempoStreamJob.flinkConfiguration(parse("--checkpoint-dir", dir.toString()), cluster);
        assertEquals(dir.toUri().toString(), named.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                "a path is given to Flink as a file: URI");
        Configuration remote = TempoStreamJob.flinkConfiguration(parse("--checkpoint-dir", "s3://bucket/gym"), cluster);
        assertEquals("s3://bucket/gym", remote.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));

        Configuration off = TempoStreamJob.flinkConfiguration(parse("--checkpoint-interval-ms", "0"), new Configuration());
        assertFalse(off.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY), "no checkpoints, no directory");
    }

    /** Flink refuses a checkpoint directory without a scheme, and only with a stack trace as the job starts. */
    @Test
    void aRelativeCheckpointDirBecomesAnAbsoluteFileUri() {
        String dir = parse("--checkpoint-dir", "ckpt/run-1").checkpointDir();
        assertEquals(Path.of("ckpt/run-1").toAbsolutePath().toUri(), URI.create(dir));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--checkpoint-dir", "a\u0000b"));
        assertTrue(e.getMessage().contains("--checkpoint-dir"), e.getMessage());
    }

    /** Reps are sparse: a network buffer waits 20 ms for more, not Flink's 100 ms, unless the cluster says otherwise. */
    @Test
    void networkBuffersWaitBrieflyUnlessTheClusterSays() {
        assertEquals(Duration.ofMillis(20),
                TempoStreamJob.flinkConfiguration(parse(), new Configuration()).get(ExecutionOptions.BUFFER_TIMEOUT));
        Configuration cluster = new Configuration();
        cluster.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(50));
        assertFalse(TempoStreamJob.flinkConfiguration(parse(), cluster).contains(ExecutionOptions.BUFFER_TIMEOUT));
    }

    /** What {@link LocalCheckpoints} goes by: the environment a job is configured on says it uses the default directory. */
    @Test
    void aJobConfiguredHereKnowsItUsesTheDefaultDirectory(@TempDir Path dir) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TempoStreamJob.configure(env, parse());
        assertTrue(env instanceof LocalStreamEnvironment);
        assertTrue(TempoStreamJob.checkpointsInDefaultDir(env.getConfiguration()));

        StreamExecutionEnvironment named = StreamExecutionEnvironment.getExecutionEnvironment();
        TempoStreamJob.configure(named, parse("--checkpoint-dir", dir.toUri().toString()));
        assertFalse(TempoStreamJob.checkpointsInDefaultDir(named.getConfiguration()));
    }

    /** Checkpoints asked for by --checkpoint-dir are kept, even in the default directory's place. */
    @Test
    void theDefaultDirectoryNamedByTheFlagIsNotTidiedAway() {
        String defaultUri = TempoStreamJob.flinkConfiguration(parse(), new Configuration())
                .get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        Configuration named = TempoStreamJob.flinkConfiguration(parse("--checkpoint-dir", defaultUri), new Configuration());
        assertEquals(defaultUri, named.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertFalse(TempoStreamJob.checkpointsInDefaultDir(named), "LocalCheckpoints would delete them on exit");
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
    void theCoachsAthletesAreReadFromAFileAndAMistakeInItIsNamed(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("athletes.json"),
                "{\"athletes\":[{\"id\":\"athlete-1\",\"planStart\":\"2026-10-05\",\"tempo\":\"2-1-2-0\"}]}");
        JobOptions options = parse("--athletes", good.toString());
        assertEquals("2026-10-05", options.athletes().forAthlete("athlete-1").planStart().toString());
        assertEquals("2-1-2-0", options.athletes().forAthlete("athlete-1").tempoFor("face-pull").toString());
        assertEquals("3-1-3-0", parse().athletes().forAthlete("athlete-1").tempoFor("face-pull").toString(),
                "without a file every athlete gets the defaults");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"athletes\":[{\"id\":\"a\",\"zone\":\"Mars\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--athletes", bad.toString()));
        assertTrue(e.getMessage().contains("--athletes") && e.getMessage().contains("athletes[0].zone")
                && e.getMessage().contains("Mars"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> parse("--athletes", dir.resolve("none.json").toString()));
        assertTrue(missing.getMessage().contains("none.json"), missing.getMessage());
        // A tempo for a misspelled exercise would never apply: refused like --exercise is.
        Path misspelled = Files.writeString(dir.resolve("typo.json"),
                "{\"athletes\":[{\"id\":\"a\",\"tempo\":{\"face-pul\":\"2-1-2-0\"}}]}");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> parse("--athletes", misspelled.toString()));
        assertTrue(typo.getMessage().contains("--athletes") && typo.getMessage().contains("typo.json")
                && typo.getMessage().contains("'face-pul'") && typo.getMessage().contains("face-pull"), typo.getMessage());
    }

    @Test
    void theJobReadsSamplesAndExerciseSelections() {
        assertEquals("tempostream/+/+/+", parse().mqtt().topicFilter());
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

    /**
     * A checkpoint from a version whose rep detectors stored their state differently holds state
     * for an operator this one does not have: Flink refuses it, unless asked to drop that state.
     */
    @Test
    void stateOfNoOperatorIsDroppedOnlyWhenAskedAndOnlyFromACheckpoint(@TempDir Path dir) throws Exception {
        Path checkpoint = Files.createDirectories(dir.resolve("chk-3"));
        Files.writeString(checkpoint.resolve("_metadata"), "");
        Configuration strict = TempoStreamJob.flinkConfiguration(parse("--restore-from", checkpoint.toString()), new Configuration());
        assertFalse(strict.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
        Configuration lenient = TempoStreamJob.flinkConfiguration(
                parse("--restore-from", checkpoint.toString(), "--allow-non-restored-state"), new Configuration());
        assertTrue(lenient.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--allow-non-restored-state"));
        assertEquals("--allow-non-restored-state needs --restore-from", e.getMessage());
    }

    @Test
    void livePhasesAreWrittenEverySecondUnlessTheFlagSaysLess() {
        assertEquals(LivePhaseReports.EVERY_SECOND, parse().livePhases());
        assertEquals(LivePhaseReports.CHANGES, parse("--live-phases", "changes").livePhases());
        assertEquals(LivePhaseReports.OFF, parse("--live-phases", "OFF").livePhases());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--live-phases", "often"));
        assertEquals("--live-phases must be every-second, changes, off, got 'often'", e.getMessage());
    }
}
