package io.tempostream.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.testing.ShippedMosquitto;
import io.tempostream.ingest.testing.OnMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy example's broker set-up (deploy/mosquitto: ACL, add-device.sh, TLS) on a real
 * Mosquitto of its own, so a device's credentials are proven to reach only its own topic.
 */
class BrokerAccessControlIT {
    /** MQTT v5 "Not authorized". */
    private static final int NOT_AUTHORIZED = 0x87;
    /** deploy/mosquitto/mosquitto.conf's publish budget per login. */
    private static final double BYTES_PER_SECOND;
    private static final double BURST_BYTES;

    static {
        try {
            BYTES_PER_SECOND = ShippedMosquitto.budgetOption("bytes_per_second");
            BURST_BYTES = ShippedMosquitto.budgetOption("burst_bytes");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static final int FLOOD_PAYLOAD_BYTES = 500_000;

    @TempDir
    Path dir;
    private ShippedMosquitto broker;
    private String url;
    private final List<String> seenByJob = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        broker = new ShippedMosquitto(dir).addDevice("a1", "wrist", "a1-secret").addDevice("a2", "wrist", "a2-secret")
                .addJob("job-secret").addFeedback("feedback-secret");
        broker.start();
        url = broker.url();
    }

    @AfterEach
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aDeviceMayPublishItsOwnSamplesButNotAnotherAthletes() throws Exception {
        MqttClient job = jobListening();
        MqttAsyncClient device = new MqttAsyncClient(url, "a1-wrist", new MemoryPersistence());
        device.connect(new MqttEndpoint(url, "a1.wrist", "a1-secret", broker.caFile().toString()).connectionOptions())
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

    /**
     * The job's feedback reaches the athlete's own devices and no one else's; a device can neither
     * forge feedback (to its own athlete or another) nor is the feedback login able to read samples.
     */
    @Test
    void feedbackReachesTheAthletesOwnDevicesOnlyAndOnlyTheFeedbackLoginWritesIt() throws Exception {
        List<String> seenByA1 = new CopyOnWriteArrayList<>();
        List<String> seenByA2 = new CopyOnWriteArrayList<>();
        List<String> seenByFeedback = new CopyOnWriteArrayList<>();
        MqttClient a1 = connect("a1.wrist", "a1-secret");
        a1.setCallback(recorder(seenByA1));
        a1.subscribe(new String[] {"tempostream/a1/feedback", "tempostream-status/marker"}, new int[] {1, 1});
        // One connection per login: the broker takes the login as client id, so a second would push the first off.
        MqttAsyncClient a2 = new MqttAsyncClient(url, "a2-wrist", new MemoryPersistence());
        a2.setCallback(recorder(seenByA2));
        a2.connect(broker.endpoint("a2.wrist", "a2-secret").connectionOptions()).waitForCompletion(10_000);
        a2.subscribe(new MqttSubscription[] {new MqttSubscription("tempostream/a1/feedback", 1),
            new MqttSubscription("tempostream/+/feedback", 1), new MqttSubscription("#", 1)}).waitForCompletion(10_000);
        MqttClient feedback = connect("tempostream-feedback", "feedback-secret");
        feedback.setCallback(recorder(seenByFeedback));
        feedback.subscribe(new String[] {"tempostream/+/+/imu"}, new int[] {1});

        int toOtherAthlete = publishAndGetReasonCode(a2, "tempostream/a1/feedback", "{\"forged\":1}");
        int toOwnAthlete = publishAndGetReasonCode(a2, "tempostream/a2/feedback", "{\"forged\":2}");
        MqttMessage rep = new MqttMessage("{\"type\":\"rep\"}".getBytes(StandardCharsets.UTF_8));
        rep.setQos(1);
        feedback.publish("tempostream/a1/feedback", rep);
        a1.publish("tempostream/a1/wrist/imu", new MqttMessage("sample".getBytes(StandardCharsets.UTF_8)));
        // Sent after everything above was accepted: once both devices have it, the rest would have arrived.
        MqttClient job = connect("tempostream-job", "job-secret");
        job.publish("tempostream-status/marker", new MqttMessage("marker".getBytes(StandardCharsets.UTF_8)));
        waitFor(() -> seenByA1.contains("tempostream-status/marker=marker") && seenByA2.contains("tempostream-status/marker=marker"));

        assertEquals(NOT_AUTHORIZED, toOtherAthlete, "a device cannot write another athlete's feedback");
        assertEquals(NOT_AUTHORIZED, toOwnAthlete, "nor its own athlete's: only the job tells reps");
        assertEquals(List.of("tempostream/a1/feedback={\"type\":\"rep\"}", "tempostream-status/marker=marker"), seenByA1,
                "a1 hears the job's feedback and nothing forged");
        assertEquals(List.of("tempostream-status/marker=marker"), seenByA2, "a2 hears nothing of a1's feedback, by name or wildcard");
        assertEquals(List.of(), seenByFeedback, "the feedback login reads no samples");
        a2.disconnect().waitForCompletion(5_000);
        for (MqttClient client : List.of(a1, feedback, job)) {
            client.disconnect();
        }
    }

    /**
     * The job's feedback login publishes for every athlete at once (a phase report a second per
     * device: some 400 KB/s at 2 000 devices), past any one device's budget: it has none.
     */
    @Test
    void theFeedbackLoginIsNotHeldToADevicesPublishBudget() throws Exception {
        MqttAsyncClient feedback = new MqttAsyncClient(url, "tempostream-feedback", new MemoryPersistence());
        feedback.connect(broker.endpoint("tempostream-feedback", "feedback-secret").connectionOptions()).waitForCompletion(10_000);
        String payload = "x".repeat(FLOOD_PAYLOAD_BYTES);
        long sent = 0;
        List<Integer> refusals = new ArrayList<>();
        while (sent < 2 * BURST_BYTES) {
            int code = publishAndGetReasonCode(feedback, "tempostream/a1/feedback", payload);
            if (code >= 0x80) { // 0x10, no one subscribed, is a success
                refusals.add(code);
            }
            sent += FLOOD_PAYLOAD_BYTES;
        }
        assertEquals(List.of(), refusals, sent + " bytes of feedback at once, twice a device's burst, none refused");
        feedback.disconnect().waitForCompletion(5_000);
    }

    @Test
    void aDeviceLoginCannotTakeOverTheJobsClientIdOrSession() throws Exception {
        attemptTakeover(url);
    }

    /** The phone page's listener (MQTT over WebSocket with TLS) gives no way round it either. */
    @Test
    void norCanItOverTheWebSocketListener() throws Exception {
        attemptTakeover("wss://127.0.0.1:" + broker.webSocketPort() + "/mqtt");
    }

    private void attemptTakeover(String intruderUrl) throws Exception {
        MqttClient job = new MqttClient(url, "tempostream-job-0", new MemoryPersistence());
        MqttConnectionOptions persistent = broker.endpoint("tempostream-job", "job-secret").connectionOptions();
        persistent.setCleanStart(false);
        persistent.setSessionExpiryInterval(300L);
        job.connect(persistent);
        job.setCallback(recorder(seenByJob));
        job.subscribe("tempostream/+/+/imu", 1);
        // The job's client id is announced on tempostream-status/..., which every login may read.
        // With clean start the broker would discard the job's session and what it queued.
        MqttClient intruder = new MqttClient(intruderUrl, "tempostream-job-0", new MemoryPersistence());
        intruder.connect(new MqttEndpoint(intruderUrl, "a2.wrist", "a2-secret", broker.caFile().toString()).connectionOptions());
        MqttClient a1 = connect("a1.wrist", "a1-secret");
        a1.publish("tempostream/a1/wrist/imu", new MqttMessage("after".getBytes(StandardCharsets.UTF_8)));
        waitFor(() -> seenByJob.contains("tempostream/a1/wrist/imu=after"));

        assertTrue(job.isConnected(), "the job is still connected");
        assertTrue(intruder.isConnected(), "the intruder is connected, under its own login's id");
        assertEquals(List.of("tempostream/a1/wrist/imu=after"), seenByJob, "the job's subscription kept working");
        a1.disconnect();
        intruder.disconnect();
        job.disconnect();
    }

    @Test
    void retainedSamplesAreNotKeptForTheJobsNextSession() throws Exception {
        MqttClient a1 = connect("a1.wrist", "a1-secret");
        MqttMessage retained = new MqttMessage("stale".getBytes(StandardCharsets.UTF_8));
        retained.setRetained(true);
        a1.publish("tempostream/a1/wrist/imu", retained);
        MqttClient job = jobListening();
        a1.publish("tempostream/a1/wrist/imu", new MqttMessage("live".getBytes(StandardCharsets.UTF_8)));
        waitFor(() -> seenByJob.contains("tempostream/a1/wrist/imu=live"));

        assertEquals(List.of("tempostream/a1/wrist/imu=live"), seenByJob, "a new session gets live samples only");
        a1.disconnect();
        job.disconnect();
    }

    @Test
    void theBrokerRefusesPayloadsOverTheJobsLimit() throws Exception {
        MqttClient job = jobListening();
        MqttClient a1 = connect("a1.wrist", "a1-secret");
        byte[] huge = new byte[ImuBatchCodec.MAX_PAYLOAD_BYTES * 2];
        Arrays.fill(huge, (byte) '{');
        assertThrows(MqttException.class, () -> a1.publish("tempostream/a1/wrist/imu", new MqttMessage(huge)),
                "the broker announces its packet limit and the client refuses, or the broker drops the connection");
        MqttClient again = connect("a1.wrist", "a1-secret");
        again.publish("tempostream/a1/wrist/imu", new MqttMessage("small".getBytes(StandardCharsets.UTF_8)));
        waitFor(() -> seenByJob.contains("tempostream/a1/wrist/imu=small"));

        assertEquals(List.of("tempostream/a1/wrist/imu=small"), seenByJob, "only the small payload reached the job");
        again.disconnect();
        job.disconnect();
    }

    @Test
    void aDeviceFloodingItsTopicGetsItsBudgetThroughAndNoMoreWhileAnotherDeviceLosesNothing() throws Exception {
        AtomicLong floodBytesSeen = new AtomicLong();
        List<String> othersSeen = new CopyOnWriteArrayList<>();
        List<String> markers = new CopyOnWriteArrayList<>();
        MqttClient job = connect("tempostream-job", "job-secret");
        job.setCallback(new OnMessage((topic, message) -> {
            if (topic.equals("tempostream/a1/wrist/imu")) {
                othersSeen.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            } else if (message.getPayload().length == FLOOD_PAYLOAD_BYTES) {
                floodBytesSeen.addAndGet(FLOOD_PAYLOAD_BYTES);
            } else {
                markers.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        }));
        job.subscribe("tempostream/+/+/imu", 1);
        MqttAsyncClient other = connectAsync("a1.wrist", "a1-secret");
        Thread otherDevice = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    MqttMessage batch = new MqttMessage(("batch-" + i).getBytes(StandardCharsets.UTF_8));
                    batch.setQos(1);
                    ReliablePublisher.publish(other, "tempostream/a1/wrist/imu", batch);
                    Thread.sleep(50);
                }
            } catch (MqttException | InterruptedException e) {
                othersSeen.add("failed: " + e);
            }
        });
        MqttAsyncClient flooder = connectAsync("a2.wrist", "a2-secret");
        MqttMessage flood = new MqttMessage(new byte[FLOOD_PAYLOAD_BYTES]);
        flood.setQos(0);
        long startNs = System.nanoTime();
        otherDevice.start();
        for (int i = 0; i < 100; i++) {
            flooder.publish("tempostream/a2/wrist/imu", flood).waitForCompletion(); // 50 MB at QoS 0, as fast as TLS takes it
        }
        // The broker keeps a connection's messages in order: once this arrives, so has every flood message that will.
        MqttMessage marker = new MqttMessage("done".getBytes(StandardCharsets.UTF_8));
        marker.setQos(1);
        ReliablePublisher.publish(flooder, "tempostream/a2/wrist/imu", marker);
        waitFor(() -> markers.contains("done") && othersSeen.size() >= 20);
        double seconds = (System.nanoTime() - startNs) / 1e9;
        otherDevice.join(10_000);

        long budget = (long) (BURST_BYTES + BYTES_PER_SECOND * seconds) + FLOOD_PAYLOAD_BYTES;
        assertTrue(floodBytesSeen.get() <= budget, String.format("the flood reached the job with %,d of 50,000,000 bytes in %.1f s; "
                + "its budget allows %,d", floodBytesSeen.get(), seconds, budget));
        assertTrue(floodBytesSeen.get() > 0, "the flood's budget got through");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add("batch-" + i);
        }
        assertEquals(expected, othersSeen, "the other device's every batch reached the job, in order");
        assertTrue(Files.readString(dir.resolve("mosquitto.log")).contains("tempostream rate limit: login 'a2.wrist'"),
                "the broker's log names the login over its budget");
        for (MqttAsyncClient client : List.of(other, flooder)) {
            client.disconnect().waitForCompletion();
        }
        job.disconnect();
    }

    @Test
    void aLoginThatKeepsFloodingIsDisconnectedAndShutOutForAWhileAndNoOneElseIs() throws Exception {
        List<String> othersSeen = new CopyOnWriteArrayList<>();
        MqttClient job = connect("tempostream-job", "job-secret");
        job.setCallback(new OnMessage((topic, message) -> {
            if (topic.equals("tempostream/a1/wrist/imu")) {
                othersSeen.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        }));
        job.subscribe("tempostream/+/+/imu", 1);
        MqttAsyncClient flooder = new MqttAsyncClient(url, "flooder", new MemoryPersistence());
        flooder.connect(new MqttEndpoint(url, "a2.wrist", "a2-secret", broker.caFile().toString()).connectionOptions())
                .waitForCompletion();
        MqttMessage flood = new MqttMessage(new byte[FLOOD_PAYLOAD_BYTES]);
        int sent = 0;
        try {
            for (; sent < 400 && flooder.isConnected(); sent++) { // up to 200 MB at QoS 0
                flooder.publish("tempostream/a2/wrist/imu", flood).waitForCompletion();
            }
        } catch (MqttException e) {
            // the broker closed the connection under the flood: what this test expects
        }
        waitFor(() -> !flooder.isConnected());
        long shutOutAt = System.nanoTime();

        assertTrue(!flooder.isConnected() && sent < 400, "the flooder was disconnected, after " + sent + " messages");
        assertTrue(Files.readString(dir.resolve("mosquitto.log")).contains("login 'a2.wrist' had"),
                "the broker's log says why");
        assertThrows(MqttException.class, () -> connect("a2.wrist", "a2-secret"), "shut out: its login is refused for now");
        MqttAsyncClient other = connectAsync("a1.wrist", "a1-secret");
        MqttMessage batch = new MqttMessage("batch".getBytes(StandardCharsets.UTF_8));
        batch.setQos(1);
        ReliablePublisher.publish(other, "tempostream/a1/wrist/imu", batch);
        waitFor(() -> othersSeen.contains("batch"));
        assertEquals(List.of("batch"), othersSeen, "another device still publishes");
        // Shut out for a while, not for good (30 s, rate-limit.c).
        MqttClient back = null;
        for (int i = 0; i < 45 && back == null; i++) {
            try {
                back = connect("a2.wrist", "a2-secret");
            } catch (MqttException e) {
                Thread.sleep(1_000);
            }
        }
        double after = (System.nanoTime() - shutOutAt) / 1e9;
        assertTrue(back != null && after > 15, String.format("the login may connect again after its time out: %.0f s", after));
        back.disconnect();
        other.disconnect().waitForCompletion();
        flooder.close(true);
        job.disconnect();
    }

    @Test
    void aDeviceOverItsBudgetIsSlowedNotDropped() throws Exception {
        AtomicLong seen = new AtomicLong();
        MqttClient job = connect("tempostream-job", "job-secret");
        job.setCallback(new OnMessage((topic, message) -> seen.incrementAndGet()));
        job.subscribe("tempostream/+/+/imu", 1);
        MqttAsyncClient device = connectAsync("a1.wrist", "a1-secret");
        int messages = (int) (BURST_BYTES / FLOOD_PAYLOAD_BYTES) + 2; // about 4 s of budget beyond the burst
        MqttMessage batch = new MqttMessage(new byte[FLOOD_PAYLOAD_BYTES]);
        batch.setQos(1);
        for (int i = 0; i < messages; i++) {
            ReliablePublisher.publish(device, "tempostream/a1/wrist/imu", batch);
        }
        waitFor(() -> seen.get() >= messages);

        assertTrue(Files.readString(dir.resolve("mosquitto.log")).contains("tempostream rate limit: login 'a1.wrist'"),
                "the device went over its budget");
        assertEquals(messages, seen.get(), "every message refused on the way was sent again and reached the job");
        device.disconnect().waitForCompletion();
        job.disconnect();
    }

    @Test
    void aPublisherToldNotAuthorizedSaysSoNamingTheTopic() throws Exception {
        MqttAsyncClient a1 = connectAsync("a1.wrist", "a1-secret");
        MqttMessage message = new MqttMessage("not mine".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        PublishRefusedException refused = assertThrows(PublishRefusedException.class,
                () -> ReliablePublisher.publish(a1, "tempostream/a2/wrist/imu", message, 1_000));
        assertEquals(NOT_AUTHORIZED, refused.getReasonCode());
        assertTrue(refused.getMessage().startsWith("the MQTT broker refused a message on tempostream/a2/wrist/imu for 1 s (not authorized"),
                refused.getMessage());
        a1.disconnect().waitForCompletion();
    }

    @Test
    void thePasswordFileIsReadableByItsOwnerAlone() throws Exception {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir.resolve("passwords"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), permissions,
                "add-device.sh leaves the password hashes to the broker's user");
    }

    @Test
    void wrongPasswordsAnonymousClientsAndUntrustedCertificatesAreRefused() {
        assertThrows(MqttException.class, () -> connect("a1.wrist", "guess"));
        assertThrows(MqttException.class, () -> connect("", ""));
        // TLS without trusting the broker's CA: the JVM's trust store does not know it.
        assertThrows(MqttException.class, () -> new MqttClient(url, "untrusting", new MemoryPersistence())
                .connect(new MqttEndpoint(url, "a1.wrist", "a1-secret").connectionOptions()));
    }

    /** The job's login, subscribed to every device's samples as the job is, recording into {@link #seenByJob}. */
    private MqttClient jobListening() throws MqttException {
        MqttClient job = connect("tempostream-job", "job-secret");
        job.setCallback(recorder(seenByJob));
        job.subscribe("tempostream/+/+/imu", 1);
        return job;
    }

    private MqttClient connect(String user, String password) throws MqttException {
        MqttClient client = new MqttClient(url, "it-" + user.replace('.', '-') + "-" + System.nanoTime(), new MemoryPersistence());
        client.connect(new MqttEndpoint(url, user, password, broker.caFile().toString()).connectionOptions());
        return client;
    }

    private MqttAsyncClient connectAsync(String user, String password) throws MqttException, InterruptedException {
        MqttAsyncClient client = new MqttAsyncClient(url, "it-" + user.replace('.', '-') + "-" + System.nanoTime(), new MemoryPersistence());
        ReliablePublisher.connect(client, new MqttEndpoint(url, user, password, broker.caFile().toString()).connectionOptions());
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
