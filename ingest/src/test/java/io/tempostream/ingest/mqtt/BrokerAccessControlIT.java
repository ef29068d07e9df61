package io.tempostream.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.testing.LocalMosquitto;
import io.tempostream.ingest.testing.OnMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy example's broker set-up (deploy/mosquitto: ACL, add-device.sh, TLS) on a real
 * Mosquitto of its own, so a device's credentials are proven to reach only its own topic.
 */
class BrokerAccessControlIT {
    private static final Path DEPLOY = Path.of("../deploy/mosquitto");
    /** MQTT v5 "Not authorized". */
    private static final int NOT_AUTHORIZED = 0x87;

    @TempDir
    Path dir;
    private LocalMosquitto broker;
    private String url;
    private final List<String> seenByJob = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        Files.copy(DEPLOY.resolve("acl"), dir.resolve("acl"));
        addDevice("a1", "wrist", "a1-secret");
        addDevice("a2", "wrist", "a2-secret");
        run(Map.of("DEVICE_PASSWORD", "job-secret"), "bash", DEPLOY.resolve("add-device.sh").toString(), "--job", dir.toString());
        run(Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=TempoStream test CA",
                "-keyout", dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.crt").toString());
        run(Map.of(), "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString());
        Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
        run(Map.of(), "openssl", "x509", "-req", "-days", "1", "-in", dir.resolve("server.csr").toString(),
                "-CA", dir.resolve("ca.crt").toString(), "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial",
                "-extfile", dir.resolve("san.cnf").toString(), "-out", dir.resolve("server.crt").toString());
        // The deploy configuration as shipped, with this test's folder, port and no persistence.
        String shipped = Files.readString(DEPLOY.resolve("mosquitto.conf"))
                .replace("/etc/mosquitto/tempostream", dir.toString())
                .replace("persistence true", "persistence false");
        broker = new LocalMosquitto(dir, port -> shipped.replace("listener 8883", "listener " + port + " 127.0.0.1"));
        broker.start();
        url = "ssl://127.0.0.1:" + broker.port();
    }

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aDeviceMayPublishItsOwnSamplesButNotAnotherAthletes() throws Exception {
        MqttClient job = connect("tempostream-job", "job-secret");
        job.subscribe("tempostream/+/+/imu", 1);
        job.setCallback(recorder(seenByJob));
        MqttAsyncClient device = new MqttAsyncClient(url, "a1-wrist", new MemoryPersistence());
        device.connect(new MqttEndpoint(url, "a1.wrist", "a1-secret", dir.resolve("ca.crt").toString()).connectionOptions())
                .waitForCompletion(10_000);

        int refusal = publishAndGetReasonCode(device, "tempostream/a2/wrist/imu", "forged");
        publishAndGetReasonCode(device, "tempostream/a1/wrist/imu", "own");
        waitFor(() -> seenByJob.contains("tempostream/a1/wrist/imu=own"));

        assertEquals(NOT_AUTHORIZED, refusal, "the broker refuses the forged sample");
        assertEquals(List.of("tempostream/a1/wrist/imu=own"), seenByJob, "only the device's own sample reaches the job");
        device.disconnect().waitForCompletion(5_000);
        job.disconnect();
    }

    @Test
    void aDeviceCannotReadAnotherAthletesSamples() throws Exception {
        List<String> seenByA1 = new CopyOnWriteArrayList<>();
        MqttClient a1 = connect("a1.wrist", "a1-secret");
        a1.setCallback(recorder(seenByA1));
        // Mosquitto 2.0 grants the subscription and checks read access per message.
        a1.subscribe(new String[] {"tempostream/a2/wrist/imu", "tempostream-status/marker"}, new int[] {1, 1});
        MqttClient a2 = connect("a2.wrist", "a2-secret");
        a2.publish("tempostream/a2/wrist/imu", new MqttMessage("private".getBytes(StandardCharsets.UTF_8)));
        // A message a1 may read, sent after a2's was accepted: once it arrives, a2's would have too.
        MqttClient job = connect("tempostream-job", "job-secret");
        job.publish("tempostream-status/marker", new MqttMessage("marker".getBytes(StandardCharsets.UTF_8)));
        waitFor(() -> seenByA1.contains("tempostream-status/marker=marker"));

        assertEquals(List.of("tempostream-status/marker=marker"), seenByA1, "a1 sees the marker and nothing of a2's");
        a1.disconnect();
        a2.disconnect();
        job.disconnect();
    }

    @Test
    void wrongPasswordsAnonymousClientsAndUntrustedCertificatesAreRefused() {
        assertThrows(MqttException.class, () -> connect("a1.wrist", "guess"));
        assertThrows(MqttException.class, () -> connect("", ""));
        // TLS without trusting the broker's CA: the JVM's trust store does not know it.
        assertThrows(MqttException.class, () -> new MqttClient(url, "untrusting", new MemoryPersistence())
                .connect(new MqttEndpoint(url, "a1.wrist", "a1-secret").connectionOptions()));
    }

    private MqttClient connect(String user, String password) throws MqttException {
        MqttClient client = new MqttClient(url, "it-" + user.replace('.', '-') + "-" + System.nanoTime(), new MemoryPersistence());
        client.connect(new MqttEndpoint(url, user, password, dir.resolve("ca.crt").toString()).connectionOptions());
        return client;
    }

    private static int publishAndGetReasonCode(MqttAsyncClient client, String topic, String payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(10_000);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    private void addDevice(String athlete, String device, String password) throws Exception {
        run(Map.of("DEVICE_PASSWORD", password), "bash", DEPLOY.resolve("add-device.sh").toString(), athlete, device, dir.toString());
    }

    private void run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
                String.join(" ", command) + " failed: " + output);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
    }

    /** Records "topic=payload" of every message a client receives. */
    private static OnMessage recorder(List<String> seen) {
        return new OnMessage((topic, message) -> seen.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8)));
    }
}
