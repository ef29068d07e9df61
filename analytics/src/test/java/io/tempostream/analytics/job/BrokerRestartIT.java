package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxOptions;
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
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a real Mosquitto of the test's own is stopped in the middle of a set and started
 * again; every rep of the set still reaches the real InfluxDB, once.
 */
class BrokerRestartIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @TempDir
    Path dir;
    private Process broker;
    private int port;
    private final String database = TestServices.freshDatabase("restart");

    @AfterEach
    void cleanUp() throws Exception {
        stopBroker();
        TestServices.dropDatabase(database);
    }

    @Test
    void brokerRestartMidSetLosesAndDoublesNoRep() throws Exception {
        port = freePort();
        // Persistence on, as in deploy/mosquitto: sessions and queued messages outlive a restart.
        Files.writeString(dir.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                max_queued_messages 100000
                user %s
                """.formatted(port, dir, System.getProperty("user.name")));
        startBroker();
        String url = "tcp://127.0.0.1:" + port;
        WorkoutOptions workout = new WorkoutOptions(1, 1, 8, TempoPrescription.parse("2-1-2-0"), 70, 10_000, 50, 10, 11);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(url), ImuTopic.ALL_DEVICES_FILTER,
                "restart-" + UUID.randomUUID().toString().substring(0, 8)).withSessionExpirySeconds(300);
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000, 500);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TempoStreamJob.configure(env, options);
        TempoStreamJob.fromOptions(options).addTo(env);
        List<SimulatedDevice> devices;
        AtomicBoolean restarted = new AtomicBoolean();
        try (ReaderReadiness readiness = new ReaderReadiness(mqtt)) {
            JobClient job = env.executeAsync("broker restart IT");
            try {
                readiness.await(1, 60_000);
                devices = workout.simulate(System.currentTimeMillis());
                long batches = devices.get(0).batches().size();
                try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), "restart-sim-" + UUID.randomUUID(),
                        PayloadFormat.BINARY, 5)) {
                    publisher.publish(devices, sent -> {
                        if (sent == batches / 2 && restarted.compareAndSet(false, true)) {
                            restartBrokerInTheBackground();
                        }
                    });
                }
                awaitRepCount(devices.get(0).reps().size(), 60_000);
                Thread.sleep(2_000); // a doubled rep would show up now
            } finally {
                job.cancel().get();
            }
        }

        assertTrue(restarted.get(), "the broker was restarted mid-set");
        List<Map<String, Object>> rows = TestServices.query(database, "SELECT * FROM rep");
        assertEquals(devices.get(0).reps().size(), rows.size(), "reps in InfluxDB after the restart: " + rows);
    }

    private void restartBrokerInTheBackground() {
        Thread restart = new Thread(() -> {
            try {
                stopBroker();
                Thread.sleep(2_000);
                startBroker();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "broker-restart");
        restart.setDaemon(true);
        restart.start();
    }

    private void startBroker() throws Exception {
        broker = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("mosquitto did not listen on " + port + ": " + Files.readString(dir.resolve("mosquitto.log")));
    }

    /** SIGTERM: Mosquitto saves its sessions and queued messages before it exits. */
    private void stopBroker() throws InterruptedException {
        if (broker != null && broker.isAlive()) {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitRepCount(int expected, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long count = 0;
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> rows = TestServices.query(database, "SELECT count(concentric_ms) FROM rep");
            count = rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
            if (count >= expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("only " + count + " of " + expected + " reps reached InfluxDB within " + timeoutMs + " ms");
    }
}
