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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The phone's side of an interruption: 30 s into the set its network goes for 6 s (every
 * connection to the broker dropped, new ones refused, as walking out of the Wi-Fi). The page
 * reconnects by itself and sends what it held: every rep counted once, on the page and in
 * InfluxDB, and every sample it sent taken in by the job (headless Chromium, the local Mosquitto
 * over WebSocket through a link the test cuts). A phone asleep is not played: headless Chromium's
 * page freeze (Page.setWebLifecycleState) stops its emulated sensors for good, whichever API reads them.
 */
class PhoneNetworkLossIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    private final String database = TestServices.freshDatabase("phone_network");

    @AfterEach
    void dropDatabase() {
        TestServices.dropDatabase(database);
    }

    @Test
    void aPhoneThatLosesItsNetworkMidSetCountsEveryRepOnce() throws Exception {
        PhoneInBrowser.requireBrowser();
        String athlete = "network-" + UUID.randomUUID().toString().substring(0, 8);
        Path samples = PhoneInBrowser.rowsFromTheBack(athlete, 9);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "phone-network-" + athlete);
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000, 500);

        JsonNode result;
        AtomicBoolean cut = new AtomicBoolean();
        List<Throwable> failures = new ArrayList<>();
        try (RunningJob job = RunningJob.start(options, "phone network loss IT");
                CuttableLink link = new CuttableLink(TestServices.MQTT_WEBSOCKET_PORT)) {
            String page = "http://127.0.0.1:" + link.port() + "/";
            Thread network = new Thread(() -> {
                try {
                    Thread.sleep(38_000); // about 30 s into the set, which starts 5 s into the samples
                    link.cutFor(6_000);
                    cut.set(true);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "network-loss");
            network.start();
            result = PhoneInBrowser.run("phone-network", "--url", page + "?athlete=" + athlete
                    + "&device=phone&placement=back&exercise=dumbbell-row",
                    "--samples", samples.toString(),
                    "--expect-reps", "8", "--timeout-s", "90");
            network.join();
            TestServices.awaitRepCount(database, 8, 30_000);
            Thread.sleep(12_000); // the job reports what it took in every 10 s
        }
        assertTrue(failures.isEmpty(), "the link was cut: " + failures);
        assertTrue(cut.get(), "the network went mid-set");
        List<String> states = new ArrayList<>();
        result.path("states").forEach(state -> states.add(state.asText().split(":")[0]));
        assertTrue(states.indexOf("reconnecting") > 0 && states.lastIndexOf("connected") > states.indexOf("reconnecting"),
                "the page lost its connection and found it again by itself: " + states);
        assertEquals(8, result.path("count").asInt(), "reps counted on the page: " + result);
        assertEquals(8, TestServices.repCount(TestServices.INFLUX_URL, database), "reps in InfluxDB, each once");
        PhoneInBrowser.assertJobTookInEverySampleSent(result, database);
    }
}
