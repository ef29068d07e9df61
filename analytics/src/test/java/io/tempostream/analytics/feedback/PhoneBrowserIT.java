package io.tempostream.analytics.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The phone page (deploy/phone) in a real browser: headless Chromium, driven by puppeteer-core
 * ({@link PhoneInBrowser}), feels a simulated set of 8 rows at 3-1-3-0 at 60 Hz through its
 * emulated accelerometer and gyroscope; the page streams it over MQTT over WebSocket to a real
 * Mosquitto (which also serves the page), into the job and real InfluxDB, and shows the reps the
 * job tells it back.
 */
class PhoneBrowserIT {
    private static final String PAGE = "http://127.0.0.1:" + TestServices.MQTT_WEBSOCKET_PORT + "/";

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(2);

    private final String database = TestServices.freshDatabase("phone");

    @AfterEach
    void dropDatabase() {
        TestServices.dropDatabase(database);
    }

    @Test
    void aSetFeltByThePhonesSensorsIsCountedAndEveryRepShownOnThePage() throws Exception {
        PhoneInBrowser.requireBrowser();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String athlete = "phone-" + run;
        Path samples = PhoneInBrowser.rowsFromTheBack(athlete, 5);
        Path screenshot = Path.of("target", "phone-page-after-set.png").toAbsolutePath();
        Path midSet = Path.of("target", "phone-page-mid-set.png").toAbsolutePath();

        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "phone-" + run);
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000, 500);
        JsonNode result;
        try (RunningJob job = RunningJob.start(options, "phone browser IT")) {
            result = PhoneInBrowser.run("phone-browser",
                    "--url", PAGE + "?athlete=" + athlete + "&device=phone&placement=back&exercise=dumbbell-row",
                    "--samples", samples.toString(), "--screenshot", screenshot.toString(),
                    "--screenshot-mid", midSet.toString(), "--expect-reps", "8", "--timeout-s", "60", "--bad-input", "1");
            TestServices.awaitRepCount(database, 8, 30_000);
            // Bad input from the page is refused and counted as any device's is (reported every 10 s).
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(25);
            while (rejected(database, "rejected_malformed_json") < 1 && System.nanoTime() < end) {
                Thread.sleep(500);
            }
        }
        assertEquals(1, rejected(database, "rejected_malformed_json"), "the page's truncated batch, refused and counted");
        assertEquals(1, rejected(database, "rejected_timestamps_not_ascending"), "the page's batch running backwards, refused and counted");
        assertEquals("Generic Sensor API", result.path("source").asText(), "Chromium has the Generic Sensor API: " + result);
        assertEquals("connected", result.path("status").path("state").asText(), "the page's connection: " + result);
        assertEquals(8, result.path("count").asInt(), "reps counted on the page: " + result);
        assertEquals(8, TestServices.repCount(TestServices.INFLUX_URL, database), "reps in InfluxDB: nothing accepted was lost to the bad input");
        assertFalse(result.path("phases").isEmpty(), "the page showed the phase under way: " + result);
        assertEquals(4, result.path("bars").size(), "the last rep's four phases against the prescription: " + result);
        assertTrue(result.path("consoleErrors").isEmpty(), "no errors in the page's console: " + result.path("consoleErrors"));
        assertTrue(Files.size(screenshot) > 0, "a screenshot of the page at a phone's size");
        assertTrue(result.path("midShot").asText().startsWith("eccentric"), "a screenshot mid-set, lowering: " + result);
    }

    /** The payloads refused for {@code field} (a `health` field) in the test's database. */
    private static long rejected(String database, String field) {
        java.util.List<java.util.Map<String, Object>> rows = TestServices.query(database,
                "SELECT sum(\"" + field + "\") FROM \"health\" WHERE \"stage\" = 'ingest'");
        return rows.isEmpty() || rows.get(0).get("sum") == null ? 0 : ((Number) rows.get(0).get("sum")).longValue();
    }
}
