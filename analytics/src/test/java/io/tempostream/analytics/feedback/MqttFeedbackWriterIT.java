package io.tempostream.analytics.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.testing.OnMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/**
 * Feedback written while the broker is away is not lost: it waits in the writer, goes into the
 * checkpoint, and a writer restored from that checkpoint sends it once a broker is there (real
 * Mosquitto).
 */
class MqttFeedbackWriterIT {
    /** Timers that never fire: the test drives the writer itself. */
    private static final ProcessingTimeService NO_TIMERS = new ProcessingTimeService() {
        @Override
        public long getCurrentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback) {
            return null;
        }
    };

    @Test
    void feedbackWrittenWhileTheBrokerIsAwayGoesIntoTheCheckpointAndOutAfterARestore() throws Exception {
        String athlete = "fb-" + UUID.randomUUID().toString().substring(0, 8);
        List<Feedback> written = List.of(new Feedback(athlete, "{\"n\":1}", false), new Feedback(athlete, "{\"n\":2}", false),
                new Feedback(athlete, "{\"n\":3}", false));
        List<Feedback> checkpoint;
        // Nothing listens on port 1: the broker is away.
        try (MqttFeedbackWriter away = new MqttFeedbackWriter(MqttEndpoint.of("tcp://127.0.0.1:1"), athlete + "-away",
                NO_TIMERS, List.of())) {
            for (Feedback feedback : written) {
                away.write(feedback, null);
            }
            checkpoint = away.snapshotState(1);
        }
        assertEquals(written, checkpoint, "every unacknowledged message is in the checkpoint, in order");

        List<String> heard = new CopyOnWriteArrayList<>();
        MqttClient phone = listening(athlete, heard);
        try (MqttFeedbackWriter restored = new MqttFeedbackWriter(MqttEndpoint.of(TestServices.MQTT_URL),
                athlete + "-restored", NO_TIMERS, checkpoint)) {
            restored.flush(true);
            assertEquals(List.of(), restored.snapshotState(2), "all acknowledged once the broker is there");
        } finally {
            for (int i = 0; i < 50 && heard.size() < 3; i++) {
                Thread.sleep(100);
            }
            phone.disconnect();
            phone.close();
        }
        List<String> expected = new ArrayList<>();
        written.forEach(feedback -> expected.add(feedback.json()));
        assertEquals(expected.size(), heard.size(), "heard " + heard);
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(heard));
    }

    /**
     * Phase reports come faster than the broker acknowledges reps (2 000 devices: 2 000 a second
     * beside 600 reps; Mosquitto lets 20 QoS 1 messages be in flight). A burst of both, the window
     * full again and again, leaves the writer able to send: on the code before, Paho leaked a message id per
     * phase report it refused, and once all 65 535 were gone no feedback went out.
     */
    @Test
    void phaseReportsBeyondTheBrokersWindowLeaveTheWriterAbleToSend() throws Exception {
        String athlete = "fb-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> heard = new CopyOnWriteArrayList<>();
        MqttClient phone = listening(athlete, heard);
        Map<String, Gauge<?>> gauges = new ConcurrentHashMap<>();
        try (MqttFeedbackWriter writer = new MqttFeedbackWriter(MqttEndpoint.of(TestServices.MQTT_URL),
                athlete + "-job", NO_TIMERS, List.of())) {
            writer.reportTo(new UnregisteredMetricsGroup() {
                @Override
                public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
                    gauges.put(name, gauge);
                    return gauge;
                }
            });
            writer.write(new Feedback(athlete, "{\"rep\":0}", false), null);
            writer.flush(true); // connected, and the first rep acknowledged
            for (int i = 1; i <= 150_000; i++) {
                writer.write(new Feedback(athlete, "{\"phase\":" + i + "}", true), null);
                if (i % 30 == 0) {
                    writer.write(new Feedback(athlete, "{\"rep\":" + i / 30 + "}", false), null);
                }
            }
            writer.write(new Feedback(athlete, "{\"rep\":\"last\"}", false), null);
            writer.flush(true);
            assertEquals(0, writer.snapshotState(2).size(), "reps the broker has not acknowledged");
            assertTrue(writer.phasesSkipped() > 0, "the burst filled the broker's window");
            assertEquals(writer.phasesSkipped(), gauges.get("feedbackPhaseReportsSkipped").getValue(), "in the task's metrics");
            assertEquals(0, gauges.get("feedbackRepsUnacknowledged").getValue());
            assertEquals(0L, gauges.get("feedbackRepsDropped").getValue());
        } finally {
            for (int i = 0; i < 50 && !heard.contains("{\"rep\":\"last\"}"); i++) {
                Thread.sleep(100);
            }
            phone.disconnect();
            phone.close();
        }
        java.util.Set<String> heardOnce = new java.util.HashSet<>(heard);
        for (int rep = 0; rep <= 5_000; rep++) {
            assertTrue(heardOnce.contains("{\"rep\":" + rep + "}"), "rep " + rep + " heard");
        }
        assertTrue(heardOnce.contains("{\"rep\":\"last\"}"), "the last rep heard");
    }

    private static MqttClient listening(String athlete, List<String> heard) throws MqttException {
        MqttClient phone = new MqttClient(TestServices.MQTT_URL, athlete + "-phone", new MemoryPersistence());
        phone.setCallback(new OnMessage((topic, message) -> heard.add(new String(message.getPayload(), StandardCharsets.UTF_8))));
        phone.connect(new MqttConnectionOptions());
        phone.subscribe("tempostream/" + athlete + "/feedback", 1);
        return phone;
    }
}
