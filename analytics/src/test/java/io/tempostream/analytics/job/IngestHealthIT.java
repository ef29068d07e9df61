package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.mqtt.ReliablePublisher;
import io.tempostream.ingest.testing.LocalFlink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ingest health row is written on time although nothing follows what it counts (issue 19: it
 * was written only when the next message came after its interval, so a burst of bad payloads
 * followed by silence never showed on the Pipeline health dashboard).
 */
class IngestHealthIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    private final String database = TestServices.freshDatabase("health");

    @AfterEach
    void dropDatabase() {
        TestServices.dropDatabase(database);
    }

    @Test
    void aBurstOfRefusedPayloadsFollowedBySilenceShowsInTheHealthRows() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "health-" + run);
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000, 500);
        int burst = 25;
        long rejected = 0;
        try (RunningJob job = RunningJob.start(options, "ingest health IT")) {
            // One at a time and acknowledged, through the publisher that waits out Paho's
            // "too many publishes in progress" (its blocking client raised it here in one CI run).
            MqttAsyncClient device = new MqttAsyncClient(TestServices.MQTT_URL, "health-it-" + run, new MemoryPersistence());
            ReliablePublisher.connect(device, mqtt.endpoint().connectionOptions());
            for (int i = 0; i < burst; i++) {
                MqttMessage broken = new MqttMessage("{\"v\":1,\"samples\":[".getBytes(StandardCharsets.UTF_8));
                broken.setQos(1);
                ReliablePublisher.publish(device, "tempostream/health-" + run + "/wrist/imu", broken);
            }
            device.disconnect().waitForCompletion(5_000);
            device.close();
            // Then nothing at all. A row is due 10 s after the first message; the reader's ticks
            // come every second. Waiting three intervals.
            long deadline = System.currentTimeMillis() + 30_000;
            while (rejected < burst && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                rejected = sum("rejected_malformed_json");
            }
        }

        assertEquals(burst, rejected, "refusals counted in the health rows");
    }

    /** The field's sum over the ingest health rows; 0 while the database is not there yet. */
    private long sum(String field) {
        try {
            List<Map<String, Object>> rows = TestServices.query(database,
                    "SELECT sum(\"" + field + "\") AS n FROM \"health\" WHERE \"stage\" = 'ingest'");
            return rows.isEmpty() || rows.get(0).get("n") == null ? 0 : ((Number) rows.get(0).get("n")).longValue();
        } catch (RuntimeException notThereYet) {
            return 0;
        }
    }
}
