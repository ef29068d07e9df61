package io.tempostream.analytics.feedback;

import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.ReliablePublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes feedback without ever blocking the pipeline: each rep is sent at once if the broker is
 * there (else as soon as it is, or an acknowledgement frees a slot in flight), and kept until
 * acknowledged; every {@link #RETRY_EVERY_MS} the writer connects
 * if it is not connected (Paho reconnects by itself only after a first connection) and sends again
 * what is neither acknowledged nor in flight. Feedback is for now: beyond {@link #MAX_UNACKNOWLEDGED}
 * waiting messages the oldest are dropped, and counted.
 */
final class MqttFeedbackWriter implements StatefulSinkWriter<Feedback, Feedback> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttFeedbackWriter.class);
    static final long RETRY_EVERY_MS = 500;
    /** About three minutes of reps for 2 000 devices (some 600 a second): older ones are of no use to an athlete. */
    static final int MAX_UNACKNOWLEDGED = 100_000;
    /** How long the end of a bounded input waits for the last acknowledgements. */
    private static final long END_OF_INPUT_WAIT_MS = 10_000;

    private final MqttEndpoint endpoint;
    private final MqttAsyncClient client;
    private final ProcessingTimeService timers;
    /** By the order written; removed when the broker acknowledges (or refuses) them. */
    private final ConcurrentSkipListMap<Long, Feedback> unacknowledged = new ConcurrentSkipListMap<>();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean connecting = new AtomicBoolean();
    /** Topics the broker refused, each logged once. */
    private final Map<String, Boolean> refusedTopics = new ConcurrentHashMap<>();
    private long nextId;
    private long dropped;
    private volatile boolean closed;

    MqttFeedbackWriter(MqttEndpoint endpoint, String clientId, ProcessingTimeService timers,
            Collection<Feedback> restored) {
        this.endpoint = endpoint;
        this.timers = timers;
        try {
            this.client = new MqttAsyncClient(endpoint.serverUri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("feedback client for " + endpoint + ": " + e.getMessage(), e);
        }
        for (Feedback feedback : restored) {
            unacknowledged.put(nextId++, feedback);
        }
        connect();
        scheduleRetry();
    }

    @Override
    public void write(Feedback feedback, Context context) {
        if (feedback.replaceable()) {
            sendOnce(feedback);
            return;
        }
        long id = nextId++;
        unacknowledged.put(id, feedback);
        while (unacknowledged.size() > MAX_UNACKNOWLEDGED) {
            Map.Entry<Long, Feedback> oldest = unacknowledged.pollFirstEntry();
            inFlight.remove(oldest.getKey());
            if (dropped++ % 10_000 == 0) {
                LOG.warn("feedback to {} waits for the broker: dropped {} of the oldest messages so far", endpoint, dropped);
            }
        }
        send(id, feedback);
    }

    /** A phase report: once, if connected; the next replaces it within a second anyway. */
    private void sendOnce(Feedback feedback) {
        if (closed || !client.isConnected()) {
            return;
        }
        MqttMessage message = new MqttMessage(feedback.json().getBytes(StandardCharsets.UTF_8));
        message.setQos(0);
        try {
            client.publish(feedback.topic(), message);
        } catch (MqttException e) {
            // The connection just went: the next report comes within a second.
        }
    }

    private void send(long id, Feedback feedback) {
        if (closed || !client.isConnected() || !inFlight.add(id)) {
            return; // sent again by the retry timer once connected; or under way already
        }
        MqttMessage message = new MqttMessage(feedback.json().getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        try {
            client.publish(feedback.topic(), message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    inFlight.remove(id);
                    int refusal = ReliablePublisher.refusal(token);
                    if (refusal != 0 && refusedTopics.putIfAbsent(feedback.topic(), true) == null) {
                        LOG.warn("the broker refused feedback on {} (reason 0x{}): the feedback login needs write on"
                                + " tempostream/+/feedback (deploy/mosquitto/acl); such messages are dropped",
                                feedback.topic(), Integer.toHexString(refusal));
                    }
                    unacknowledged.remove(id);
                    sendNextWaiting(); // a slot in flight is free: no need to wait for the timer
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    inFlight.remove(id); // kept: sent again
                }
            });
        } catch (MqttException e) {
            inFlight.remove(id); // too many in flight, or the connection just went: sent again
        }
    }

    /** The oldest rep neither acknowledged nor in flight, if any. */
    private void sendNextWaiting() {
        for (Map.Entry<Long, Feedback> waiting : unacknowledged.entrySet()) {
            if (!inFlight.contains(waiting.getKey())) {
                send(waiting.getKey(), waiting.getValue());
                return;
            }
        }
    }

    private void connect() {
        if (closed || client.isConnected() || !connecting.compareAndSet(false, true)) {
            return;
        }
        try {
            client.connect(endpoint.connectionOptions(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    connecting.set(false);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    connecting.set(false);
                }
            });
        } catch (MqttException e) {
            connecting.set(false);
        }
    }

    private void scheduleRetry() {
        timers.registerTimer(timers.getCurrentProcessingTime() + RETRY_EVERY_MS, time -> {
            if (closed) {
                return;
            }
            if (client.isConnected()) {
                for (Map.Entry<Long, Feedback> waiting : unacknowledged.entrySet()) {
                    send(waiting.getKey(), waiting.getValue());
                }
            } else {
                connect();
            }
            scheduleRetry();
        });
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        long deadline = System.currentTimeMillis() + END_OF_INPUT_WAIT_MS;
        while (endOfInput && !unacknowledged.isEmpty() && System.currentTimeMillis() < deadline) {
            connect();
            for (Map.Entry<Long, Feedback> waiting : unacknowledged.entrySet()) {
                send(waiting.getKey(), waiting.getValue());
            }
            Thread.sleep(50);
        }
    }

    /** What the broker has not acknowledged yet goes into the checkpoint, and out again after a restore. */
    @Override
    public List<Feedback> snapshotState(long checkpointId) {
        return new ArrayList<>(unacknowledged.values());
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            LOG.debug("feedback client did not disconnect cleanly: {}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("feedback client did not close cleanly: {}", e.getMessage());
        }
    }
}
