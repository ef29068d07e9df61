package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tempostream.analytics.LocalInfluxd;
import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a real InfluxDB of the test's own is stopped for 30 s while a set is trained;
 * the sink keeps what fits, backs off, holds the job back when full, and every rep is written,
 * once, when InfluxDB is back.
 */
class InfluxOutageIT {
    private static final String DATABASE = "outage_it";

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    @TempDir
    Path dir;
    private LocalInfluxd influxd;

    @AfterEach
    void stopInflux() throws Exception {
        if (influxd != null) {
            influxd.stop();
        }
    }

    @Test
    void thirtySecondsWithoutInfluxLoseAndDoubleNoRepThoughTheyOverflowTheSinksBuffer() throws Exception {
        influxd = new LocalInfluxd(dir, false);
        influxd.start();
        String url = influxd.url();
        WorkoutOptions workout = new WorkoutOptions(1, 1, 8, TempoPrescription.parse("2-1-2-0"), 70, 10_000, 50, 10, 13);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL), ImuTopic.ALL_DEVICES_FILTER,
                "outage-" + UUID.randomUUID().toString().substring(0, 8));
        // A sink that holds two points: the set's 8 reps overflow it while InfluxDB is away, so the
        // job must back up (backpressure) rather than drop what does not fit.
        JobOptions options = new JobOptions(mqtt, new InfluxOptions(url, DATABASE, "", "", 1, 200, 2), 1, 2_000, 500);

        List<SimulatedDevice> devices;
        try (RunningJob job = RunningJob.start(options, "influx outage IT")) {
            influxd.stop(); // InfluxDB goes away before the set starts and stays away until it is over
            long downAt = System.currentTimeMillis();
            devices = workout.simulate(System.currentTimeMillis());
            try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), "outage-sim-" + UUID.randomUUID(),
                    PayloadFormat.BINARY, 5)) {
                publisher.publish(devices, sent -> { });
            }
            Thread.sleep(Math.max(0, 30_000 - (System.currentTimeMillis() - downAt)));
            influxd.start();
            try {
                TestServices.awaitRepCount(url, DATABASE, devices.get(0).reps().size(), 90_000);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; reps written: "
                        + TestServices.query(url, DATABASE, "SELECT \"set\", rep, provisional, end_ms FROM rep"), e);
            }
            Thread.sleep(2_000); // a doubled rep would show up now
        }
        assertEquals(devices.get(0).reps().size(), TestServices.repCount(url, DATABASE), "reps in InfluxDB after a 30 s outage");
    }
}
