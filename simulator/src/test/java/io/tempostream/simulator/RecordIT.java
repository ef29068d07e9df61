package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.ingest.recording.RecordingCsv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a device sends through the real Mosquitto is what the recording holds; junk is only counted. */
class RecordIT {
    private static final String BROKER = System.getProperty("tempostream.mqtt.url", "").isEmpty()
            ? "tcp://127.0.0.1:1883" : System.getProperty("tempostream.mqtt.url");

    @TempDir
    Path dir;

    @Test
    void recordsEverySampleOfEveryDeviceAndCountsJunk() throws Exception {
        String athlete = "record-it-" + UUID.randomUUID().toString().substring(0, 8);
        SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession(athlete, "wrist-1", Placement.WRIST,
                1_764_000_000_000L, 50, 10, 1_000, List.of(new SetPlan(2, TempoPrescription.parse("1-0-1-0"), 60, 1_000)),
                0.05, 4));
        MqttEndpoint endpoint = MqttEndpoint.of(BROKER);
        CountDownLatch subscribed = new CountDownLatch(1);
        CompletableFuture<RecordCli.Result> recording = CompletableFuture.supplyAsync(() -> {
            try {
                return RecordCli.record(endpoint, "tempostream/" + athlete + "/+/imu", dir, 4_000, subscribed::countDown);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(subscribed.await(10, TimeUnit.SECONDS), "recorder subscribed");
        try (SessionPublisher publisher = new SessionPublisher(endpoint, "record-it-" + UUID.randomUUID(),
                PayloadFormat.BINARY, 0)) {
            publisher.publish(List.of(device), sent -> { });
        }
        MqttClient junk = new MqttClient(BROKER, "record-it-junk-" + UUID.randomUUID(), new MemoryPersistence());
        junk.connect(endpoint.connectionOptions());
        junk.publish("tempostream/" + athlete + "/wrist-1/imu", "not a batch".getBytes(StandardCharsets.UTF_8), 1, false);
        junk.disconnect();
        junk.close();

        RecordCli.Result result = recording.get();
        assertEquals(1, result.devices());
        assertEquals(1, result.rejected(), "junk payloads counted");
        Recording sent = device.toRecording();
        Recording recorded = RecordingCsv.read(dir.resolve(athlete + "_wrist-1.csv"));
        assertEquals(sent.size(), result.samples());
        assertArrayEquals(sent.timestampsMs(), recorded.timestampsMs());
        assertArrayEquals(sent.gz(), recorded.gz(), 1e-4f);
        assertArrayEquals(sent.ay(), recorded.ay(), 1e-5f);
    }
}
