package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ExerciseSelectionCodec;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

/** Load mode against the real Mosquitto: every device's messages arrive, valid, with wall-clock times. */
class LoadGeneratorIT {
    private static final String BROKER = System.getProperty("tempostream.mqtt.url", "").isEmpty()
            ? "tcp://127.0.0.1:1883" : System.getProperty("tempostream.mqtt.url");

    @Test
    void everyDevicePublishesValidBatchesStampedWithTheWallClock() throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong worstClockGapMs = new AtomicLong();
        Set<String> devices = ConcurrentHashMap.newKeySet();
        MqttClient subscriber = new MqttClient(BROKER, "load-it-" + UUID.randomUUID(), new MemoryPersistence());
        subscriber.connect(MqttEndpoint.of(BROKER).connectionOptions());
        IMqttMessageListener count = (topic, message) -> {
            ImuBatch batch = ImuBatchCodec.decode(topic, message.getPayload());
            devices.add(batch.athleteId());
            worstClockGapMs.accumulateAndGet(Math.abs(System.currentTimeMillis() - batch.lastTimestampMs()), Math::max);
            received.incrementAndGet();
        };
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("tempostream/+/wrist-1/imu", 0)},
                new IMqttMessageListener[] {count});
        long sent = new LoadGenerator(MqttEndpoint.of(BROKER), 20, 3, 50, 5, 1)
                .run(3_000, new PrintStream(OutputStream.nullOutputStream()));
        long deadline = System.currentTimeMillis() + 10_000;
        while (received.get() < sent && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        subscriber.disconnect();
        subscriber.close();

        assertEquals(20 * 31, sent, "20 devices × one batch per 100 ms for 3 s, ticks 0…30");
        assertEquals(sent, received.get(), "messages received");
        assertEquals(20, devices.size(), "distinct devices");
        assertTrue(worstClockGapMs.get() < 1_000, "batches carry wall-clock times: worst gap " + worstClockGapMs + " ms");
    }

    /**
     * With {@code selectingTheExercise} each device's app says what the athlete does (rows) once,
     * on its exercise topic, before its first batch and from a time no later than that batch's
     * first sample, as the phone page does on connect: the job then follows it for every set.
     */
    @Test
    void aDeviceThatSelectsTheExerciseSaysSoOnceBeforeItsFirstBatch() throws Exception {
        Map<String, List<String>> heard = new ConcurrentHashMap<>(); // athlete: "exercise@fromMs" or "imu@firstMs"
        MqttClient subscriber = new MqttClient(BROKER, "load-it-" + UUID.randomUUID(), new MemoryPersistence());
        subscriber.connect(MqttEndpoint.of(BROKER).connectionOptions());
        IMqttMessageListener record = (topic, message) -> {
            String athlete = topic.split("/")[1];
            String what = topic.endsWith("/exercise")
                    ? "exercise " + ExerciseSelectionCodec.decode(topic, message.getPayload()).exercise() + "@"
                            + ExerciseSelectionCodec.decode(topic, message.getPayload()).fromMs()
                    : "imu@" + ImuBatchCodec.decode(topic, message.getPayload()).firstTimestampMs();
            heard.computeIfAbsent(athlete, a -> new CopyOnWriteArrayList<>()).add(what);
        };
        subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("tempostream/+/wrist-1/#", 1)},
                new IMqttMessageListener[] {record});
        long sent = new LoadGenerator(MqttEndpoint.of(BROKER), 5, 2, 50, 5, 1).selectingTheExercise()
                .run(1_000, new PrintStream(OutputStream.nullOutputStream()));
        long deadline = System.currentTimeMillis() + 10_000;
        while (heard.values().stream().mapToInt(List::size).sum() < sent + 5 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        subscriber.disconnect();
        subscriber.close();

        assertEquals(5, heard.size(), "devices heard: " + heard.keySet());
        for (Map.Entry<String, List<String>> device : heard.entrySet()) {
            List<String> messages = device.getValue();
            String first = messages.get(0);
            assertTrue(first.startsWith("exercise dumbbell-row@"), device.getKey() + " said its exercise first: " + messages);
            assertEquals(1, messages.stream().filter(m -> m.startsWith("exercise")).count(), device.getKey() + ": " + messages);
            long fromMs = Long.parseLong(first.substring(first.indexOf('@') + 1));
            long firstSampleMs = Long.parseLong(messages.get(1).substring(messages.get(1).indexOf('@') + 1));
            assertTrue(fromMs <= firstSampleMs, device.getKey() + "'s selection holds from its first sample: " + messages);
        }
    }
}
