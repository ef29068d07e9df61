package io.tempostream.analytics.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tempostream.ingest.mqtt.ReliablePublisher;
import io.tempostream.ingest.testing.OnMessage;
import io.tempostream.ingest.testing.ShippedMosquitto;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in headless Chromium against the shipped broker (deploy/mosquitto: its websockets
 * listener with TLS, logins and the ACL): over WSS with a device login its samples reach the job's
 * login; a wrong password is shown as a refusal naming the login. The page itself comes from the
 * local test broker (http://127.0.0.1:9001/, a secure origin for being loopback): the shipped
 * broker does not serve it (deploy/mosquitto/mosquitto.conf says why).
 */
class PhoneOverTlsIT {
    @TempDir
    Path dir;
    private ShippedMosquitto broker;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new ShippedMosquitto(dir).addDevice("a1", "phone", "a1-secret").addJob("job-secret");
        broker.start();
    }

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void withItsDeviceLoginThePageStreamsOverWssToTheJob() throws Exception {
        PhoneInBrowser.requireBrowser();
        List<String> topics = new CopyOnWriteArrayList<>();
        MqttAsyncClient job = new MqttAsyncClient(broker.url(), "tempostream-job", new MemoryPersistence());
        job.setCallback(new OnMessage((topic, message) -> topics.add(topic)));
        ReliablePublisher.connect(job, broker.endpoint("tempostream-job", "job-secret").connectionOptions());
        job.subscribe(new MqttSubscription[] {new MqttSubscription("tempostream/+/+/+", 1)}).waitForCompletion(10_000);

        JsonNode result = PhoneInBrowser.run("phone-tls", "--url", page("a1", "phone"), "--password", "a1-secret",
                "--insecure", "1", "--still-s", "3");
        job.disconnect().waitForCompletion(5_000);

        assertEquals("connected", result.path("status").path("state").asText(), "the page's connection: " + result);
        assertTrue(topics.contains("tempostream/a1/phone/exercise"), "the exercise selection reached the job: " + topics);
        assertTrue(topics.stream().filter("tempostream/a1/phone/imu"::equals).count() >= 10,
                "3 s of samples, in batches of 10 at 60 Hz, reached the job: " + topics.size() + " messages");
        assertTrue(result.path("consoleErrors").isEmpty(), "no errors in the page's console: " + result.path("consoleErrors"));
    }

    @Test
    void aWrongPasswordIsShownAsTheBrokerRefusingTheLogin() throws Exception {
        PhoneInBrowser.requireBrowser();
        JsonNode result = PhoneInBrowser.run("phone-refused", "--url", page("a1", "phone"), "--password", "wrong",
                "--insecure", "1");

        assertEquals("error", result.path("status").path("state").asText(), "the page's connection: " + result);
        assertTrue(result.path("status").path("text").asText().contains("refused the login a1.phone"),
                "the page says the broker refused which login: " + result.path("status"));
    }

    private String page(String athlete, String device) {
        return "http://127.0.0.1:9001/?athlete=" + athlete + "&device=" + device + "&placement=wrist&exercise=dumbbell-row"
                + "&broker=wss://127.0.0.1:" + broker.webSocketPort() + "/mqtt";
    }
}
