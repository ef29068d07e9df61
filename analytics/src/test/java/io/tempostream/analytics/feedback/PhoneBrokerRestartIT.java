package io.tempostream.analytics.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.analytics.job.JobOptions;
import io.tempostream.analytics.job.RunningJob;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.ingest.testing.LocalMosquitto;
import io.tempostream.ingest.testing.LocalPorts;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restarts while the phone page streams a set: the page reconnects by itself and sends
 * what it held, so every rep reaches InfluxDB and the page, and every sample the page sent reached
 * the job (headless Chromium, a Mosquitto of the test's own with persistence, as shipped).
 */
class PhoneBrokerRestartIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    @TempDir
    Path dir;
    private LocalMosquitto broker;
    private final String database = TestServices.freshDatabase("phone_restart");

    @AfterEach
    void cleanUp() throws Exception {
        if (broker != null) {
            broker.stop();
        }
        TestServices.dropDatabase(database);
    }

    @Test
    void aBrokerRestartMidSetLosesNoBatchOfThePhones() throws Exception {
        PhoneInBrowser.requireBrowser();
        int webSocketPort = LocalPorts.free();
        // The page and MQTT over WebSocket beside the broker's own listener.
        broker = LocalMosquitto.persistent(dir, "listener %d lo\nprotocol websockets\nhttp_dir %s".formatted(webSocketPort,
                PhoneInBrowser.PHONE));
        broker.start();
        broker.awaitListening(webSocketPort);
        String athlete = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        Path samples = PhoneInBrowser.rowsFromTheBack(athlete, 7);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of("tcp://127.0.0.1:" + broker.port()),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "phone-restart").withSessionExpirySeconds(300);
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000, 500);

        JsonNode result;
        AtomicBoolean restarted = new AtomicBoolean();
        try (RunningJob job = RunningJob.start(options, "phone broker restart IT")) {
            // 30 s into the set (of about 70 s), the broker is away for 5 s.
            Thread restart = new Thread(() -> {
                try {
                    Thread.sleep(30_000);
                    broker.stop();
                    Thread.sleep(5_000);
                    broker.start();
                    restarted.set(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "broker-restart");
            restart.start();
            result = PhoneInBrowser.run("phone-restart", "--url", "http://127.0.0.1:" + webSocketPort + "/?athlete=" + athlete
                    + "&device=phone&placement=back&exercise=dumbbell-row&broker=ws://127.0.0.1:" + webSocketPort + "/mqtt"
                    + "&sensors=devicemotion", // Safari's and Firefox's way in: DeviceMotionEvent
                    "--samples", samples.toString(), "--expect-reps", "8", "--timeout-s", "90");
            restart.join();
            TestServices.awaitRepCount(database, 8, 30_000);
            Thread.sleep(12_000); // the job reports what it took in every 10 s
        }

        assertTrue(restarted.get(), "the broker was restarted mid-set");
        assertEquals("DeviceMotionEvent", result.path("source").asText(), "the page listened to DeviceMotionEvent: " + result);
        assertEquals(8, result.path("count").asInt(), "reps counted on the page: " + result);
        assertEquals(8, TestServices.repCount(TestServices.INFLUX_URL, database), "reps in InfluxDB");
        PhoneInBrowser.assertJobTookInEverySampleSent(result, database);
    }
}
