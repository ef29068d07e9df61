package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.mqtt.ReaderReadiness;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection with real processes: the job runs in a JVM of its own (MiniCluster, checkpoints
 * to disk every second), is killed with SIGKILL in the middle of a set after some reps are in the
 * real InfluxDB, and is started again from its last checkpoint while the device goes on sending
 * through the real Mosquitto. InfluxDB must then hold every rep of the set once, with the values
 * of the engine run over the whole set without interruption.
 */
class JobKillRestoreIT {
    @TempDir
    Path dir;
    private final JobProcesses jobs = new JobProcesses("kill");
    private final String database = jobs.database();

    @AfterEach
    void cleanUp() throws Exception {
        jobs.close();
    }

    @Test
    void aJobKilledMidSetAndRestoredFromItsCheckpointWritesEveryRepOnce() throws Exception {
        String name = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        Path checkpoints = dir.resolve("checkpoints");
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICES_FILTER, name);
        WorkoutOptions workout = new WorkoutOptions(1, 1, 8, TempoPrescription.parse("2-1-2-0"), 70, 10_000, 50, 10, 23);
        List<SimulatedDevice> devices = workout.simulate(System.currentTimeMillis());
        int batches = devices.get(0).batches().size();
        AtomicBoolean killed = new AtomicBoolean();

        try (ReaderReadiness readiness = new ReaderReadiness(mqtt)) {
            Process first = jobs.startCheckpointed(name, checkpoints, null, TestServices.INFLUX_URL, dir.resolve("first.log"));
            readiness.await(90_000);
            try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), name + "-device", PayloadFormat.BINARY, 5)) {
                publisher.publish(devices, sent -> {
                    if (sent == batches / 2 && killed.compareAndSet(false, true)) {
                        killAfterRepsAreWritten(first);
                    }
                });
            }
        }
        assertTrue(killed.get(), "the job was killed mid-set");
        long repsBeforeKill = TestServices.repCount(TestServices.INFLUX_URL, database);
        Path latest = JobProcesses.latestCheckpoint(checkpoints)
                .orElseThrow(() -> new AssertionError("no completed checkpoint under " + checkpoints + "; job log:\n"
                        + JobProcesses.tail(dir.resolve("first.log"))));

        jobs.startCheckpointed(name, checkpoints, latest, TestServices.INFLUX_URL, dir.resolve("second.log"));
        List<Rep> expected = engineOverTheWholeSet(devices.get(0));
        try {
            TestServices.awaitRepCount(database, expected.size(), 120_000);
            Thread.sleep(3_000); // a doubled rep would show up now
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; restored job log:\n" + JobProcesses.tail(dir.resolve("second.log")), e);
        }

        assertTrue(repsBeforeKill >= 2 && repsBeforeKill < expected.size(),
                "killed mid-set: " + repsBeforeKill + " of " + expected.size() + " reps were written before");
        assertEquals(devices.get(0).reps().size(), expected.size(), "the engine counts the set exactly");
        List<Map<String, Object>> rows = TestServices.query(database, "SELECT * FROM rep");
        assertEquals(describe(expected), rows.stream().map(JobKillRestoreIT::describe).collect(Collectors.toCollection(TreeSet::new)),
                "reps in InfluxDB after kill and restore");
    }

    /**
     * Without --checkpoint-dir, checkpoints go to the default directory for the run's own
     * restarts; a job stopped with SIGTERM (Ctrl-C) takes them with it instead of leaving them in
     * the temporary directory.
     */
    @Test
    void aJobStoppedWithoutACheckpointDirLeavesNoCheckpointsBehind() throws Exception {
        String name = "stop-" + UUID.randomUUID().toString().substring(0, 8);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path defaultDir = tmp.resolve(TempoStreamJob.DEFAULT_CHECKPOINT_DIR.getFileName());
        Process job = startJob(List.of("-Djava.io.tmpdir=" + tmp), List.of("--client-id-prefix", name,
                "--checkpoint-interval-ms", "500"), dir.resolve("stop.log"));
        long deadline = System.currentTimeMillis() + 90_000;
        while (JobProcesses.latestCheckpoint(defaultDir).isEmpty()) {
            assertTrue(job.isAlive() && System.currentTimeMillis() < deadline,
                    "no completed checkpoint under " + defaultDir + "; job log:\n" + JobProcesses.tail(dir.resolve("stop.log")));
            Thread.sleep(200);
        }
        job.destroy(); // SIGTERM
        assertTrue(job.waitFor(60, TimeUnit.SECONDS), "the job ends on SIGTERM");
        try (Stream<Path> left = Files.list(defaultDir)) {
            assertEquals(List.of(), left.toList(), "checkpoints left in " + defaultDir);
        }
    }

    /** Waits until two reps are in InfluxDB and a checkpoint has come after them, then kills the job. */
    private void killAfterRepsAreWritten(Process job) {
        try {
            TestServices.awaitRepCount(database, 2, 60_000);
            Thread.sleep(2_500); // checkpoints come every second
            job.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process startJob(List<String> jvmOptions, List<String> flags, Path log) throws IOException {
        return jobs.start(jvmOptions, List.of(TempoStreamJob.class.getName()), flags, log);
    }

    /** The same engine over the same batches, in one go: what a run without the kill writes. */
    private static List<Rep> engineOverTheWholeSet(SimulatedDevice device) {
        List<Rep> reps = new ArrayList<>();
        ImuBatch first = device.batches().get(0);
        RepDetector detector = RepDetectors.forPlacement(first.placement(), first.athleteId(), first.deviceId());
        for (ImuBatch batch : device.batches()) {
            detector.accept(batch, reps::add);
        }
        detector.advanceTo(detector.lastSampleMs() + 60_000, reps::add);
        return reps;
    }

    private static TreeSet<String> describe(List<Rep> reps) {
        return reps.stream().map(r -> String.format("%d set %d rep %d: %d/%d/%d/%d ms", r.startMs(), r.set(), r.rep(),
                r.concentricMs(), r.peakHoldMs(), r.eccentricMs(), r.bottomPauseMs()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(Map<String, Object> row) {
        return String.format("%d set %d rep %d: %d/%d/%d/%d ms", number(row.get("time")), number(row.get("set")),
                number(row.get("rep")), number(row.get("concentric_ms")), number(row.get("peak_hold_ms")),
                number(row.get("eccentric_ms")), number(row.get("bottom_pause_ms")));
    }

    private static long number(Object value) {
        return Math.round(((Number) value).doubleValue());
    }

}
