package io.tempostream.analytics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * Listens to the sampled athletes' feedback topics as their phones would, and notes when each rep
 * is first told there: the latency the athlete sees, beside the one of InfluxDB.
 */
final class FeedbackListener implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private final Map<String, Integer> sampledDevice;
    private final Set<String> found = ConcurrentHashMap.newKeySet();
    private final List<SeenRep> seen = new ArrayList<>();

    private FeedbackListener(MqttClient client, Map<String, Integer> sampledDevice) {
        this.client = client;
        this.sampledDevice = sampledDevice;
    }

    /** Subscribed to each sampled athlete's feedback topic; null, with the reason on {@code err}, if it cannot be. */
    static FeedbackListener start(MqttEndpoint endpoint, Map<String, Integer> sampledDevice, PrintStream err) {
        try {
            MqttClient client = new MqttClient(endpoint.serverUri(), "loadtest-feedback-" + UUID.randomUUID(),
                    new MemoryPersistence());
            FeedbackListener listener = new FeedbackListener(client, sampledDevice);
            client.connect(endpoint.connectionOptions());
            List<MqttSubscription> topics = new ArrayList<>();
            List<IMqttMessageListener> handlers = new ArrayList<>();
            for (String athlete : sampledDevice.keySet()) {
                topics.add(new MqttSubscription(ImuTopic.feedbackTopic(athlete), 0));
                handlers.add((topic, message) -> listener.heard(athlete, message.getPayload()));
            }
            client.subscribe(topics.toArray(MqttSubscription[]::new), handlers.toArray(IMqttMessageListener[]::new));
            return listener;
        } catch (MqttException e) {
            err.println("loadtest: not listening to the athletes' feedback: " + e.getMessage());
            return null;
        }
    }

    private void heard(String athlete, byte[] payload) {
        long now = System.currentTimeMillis();
        try {
            JsonNode rep = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
            if (!"rep".equals(rep.path("type").asText()) || rep.path("hold").asBoolean()) {
                return;
            }
            if (found.add(athlete + "@" + rep.path("startMs").asLong())) {
                synchronized (seen) {
                    seen.add(new SeenRep(sampledDevice.get(athlete), rep.path("endMs").asLong(), now,
                            !rep.path("final").asBoolean()));
                }
            }
        } catch (Exception e) {
            // Not a message of ours: the latency is of reps told, and this tells none.
        }
    }

    List<SeenRep> seen() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
