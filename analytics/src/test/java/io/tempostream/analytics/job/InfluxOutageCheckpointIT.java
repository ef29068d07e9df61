package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.LocalInfluxd;
import io.tempostream.analytics.TestServices;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.mqtt.ReaderReadiness;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job runs in a JVM of its own with no InfluxDB at its URL for a whole set. Checkpoints must
 * go on meanwhile (the reps wait in the sink's checkpointed state, not in a flush that blocks the
 * barrier), so the broker's messages are acknowledged. The job is then killed with SIGKILL, and
 * restored from its last checkpoint once InfluxDB is up: every rep of the set must be written,
 * once. The broker has nothing left to send again, so the reps can only come from that checkpoint.
 */
class InfluxOutageCheckpointIT {
    @TempDir
    Path dir;
    private final JobProcesses jobs = new JobProcesses("outage_ckpt");
    private LocalInfluxd influxd;

    @AfterEach
    void cleanUp() throws Exception {
        jobs.close();
        if (influxd != null) {
            influxd.stop();
        }
    }

    @Test
    void checkpointsGoOnWithoutInfluxAndAJobRestoredFromOneWritesEveryRepOnce() throws Exception {
        influxd = new LocalInfluxd(Files.createDirectories(dir.resolve("influxdb")), false);
        String name = "outage-ckpt-" + UUID.randomUUID().toString().substring(0, 8);
        Path checkpoints = dir.resolve("checkpoints");
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICES_FILTER, name);
        WorkoutOptions workout = new WorkoutOptions(1, 1, 6, TempoPrescription.parse("2-1-2-0"), 70, 10_000, 50, 10, 31);
        List<SimulatedDevice> devices = workout.simulate(System.currentTimeMillis());
        int reps = devices.get(0).reps().size();

        Process first;
        try (ReaderReadiness readiness = new ReaderReadiness(mqtt)) {
            first = jobs.startCheckpointed(name, checkpoints, null, influxd.url(), dir.resolve("first.log"));
            readiness.await(90_000);
            try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), name + "-device", PayloadFormat.BINARY, 5)) {
                publisher.publish(devices, sent -> { });
            }
        }
        // The set's last rep closes a few seconds after its last sample; then two more checkpoints.
        Thread.sleep(8_000);
        long before = checkpointNumber(checkpoints);
        long deadline = System.currentTimeMillis() + 60_000;
        while (checkpointNumber(checkpoints) < before + 2) {
            assertTrue(first.isAlive() && System.currentTimeMillis() < deadline,
                    "checkpoints stopped while InfluxDB was away (last chk-" + checkpointNumber(checkpoints) + "); job log:\n"
                            + JobProcesses.tail(dir.resolve("first.log")));
            Thread.sleep(200);
        }
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Path latest = JobProcesses.latestCheckpoint(checkpoints).orElseThrow();

        influxd.start();
        jobs.startCheckpointed(name, checkpoints, latest, influxd.url(), dir.resolve("second.log"));
        try {
            TestServices.awaitRepCount(influxd.url(), jobs.database(), reps, 120_000);
            Thread.sleep(3_000); // a doubled rep would show up now
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; restored job log:\n" + JobProcesses.tail(dir.resolve("second.log")), e);
        }
        assertEquals(reps, TestServices.repCount(influxd.url(), jobs.database()), "reps written after the outage and the kill");
    }

    private static long checkpointNumber(Path checkpoints) {
        return JobProcesses.latestCheckpoint(checkpoints)
                .map(p -> Long.parseLong(p.getFileName().toString().substring(4)))
                .orElse(0L);
    }

}
