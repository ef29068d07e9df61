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
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.ingest.testing.LocalMosquitto;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    @TempDir
    Path dir;
    private LocalMosquitto broker;
    private final String database = TestServices.freshDatabase("restart");

    @AfterEach
    void cleanUp() throws Exception {
        if (broker != null) {
            broker.stop();
        }
        TestServices.dropDatabase(database);
    }

    @Test
    void brokerRestartMidSetLosesAndDoublesNoRep() throws Exception {
        // Persistence on, as in deploy/mosquitto: sessions and queued messages outlive a restart.
        broker = new LocalMosquitto(dir, port -> """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                max_queued_messages 100000
                """.formatted(port, dir));
        broker.start();
        String url = "tcp://127.0.0.1:" + broker.port();
        WorkoutOptions workout = new WorkoutOptions(1, 1, 8, TempoPrescription.parse("2-1-2-0"), 70, 10_000, 50, 10, 11);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(url), ImuTopic.ALL_DEVICES_FILTER,
                "restart-" + UUID.randomUUID().toString().substring(0, 8)).withSessionExpirySeconds(300);
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000, 500);

        List<SimulatedDevice> devices;
        AtomicBoolean restarted = new AtomicBoolean();
        try (RunningJob job = RunningJob.start(options, "broker restart IT")) {
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
            TestServices.awaitRepCount(database, devices.get(0).reps().size(), 60_000);
            Thread.sleep(2_000); // a doubled rep would show up now
        }

        assertTrue(restarted.get(), "the broker was restarted mid-set");
        List<Map<String, Object>> rows = TestServices.query(database, "SELECT * FROM rep");
        assertEquals(devices.get(0).reps().size(), rows.size(), "reps in InfluxDB after the restart: " + rows);
    }

    private void restartBrokerInTheBackground() {
        Thread restart = new Thread(() -> {
            try {
                broker.stop();
                Thread.sleep(2_000);
                broker.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "broker-restart");
        restart.setDaemon(true);
        restart.start();
    }
}
