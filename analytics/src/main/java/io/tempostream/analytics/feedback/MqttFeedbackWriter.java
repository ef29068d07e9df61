package io.tempostream.analytics.feedback;

import io.tempostream.ingest.mqtt.MqttClientClose;
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
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
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
 *
 * <p>Nothing is handed to Paho while the broker's window of messages in flight is full (its
 * Receive Maximum, 20 for Mosquitto): Paho 1.2.5 takes a message id before it refuses such a
 * publish, and keeps it for a refused one of QoS 0. At 2 000 devices the phase reports leaked all
 * 65 535 ids within a second or two; every publish then searched the whole id space (half the job's
 * CPU in a profile) and failed, so no feedback went out at all.
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
    /** The options of the latest connect; closing turns their automatic reconnect off. */
    private volatile MqttConnectionOptions connection;
    private final ProcessingTimeService timers;
    /** By the order written; removed when the broker acknowledges (or refuses) them. */
    private final ConcurrentSkipListMap<Long, Feedback> unacknowledged = new ConcurrentSkipListMap<>();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean connecting = new AtomicBoolean();
    /** Held while a message is handed to Paho: the task's thread and Paho's callbacks both send. */
    private final Object publishing = new Object();
    /** The broker's Receive Maximum, from its CONNACK: how many QoS 1 messages may be in flight. */
    private volatile int window = DEFAULT_WINDOW;
    /** MQTT 5's value when the broker states none. */
    private static final int DEFAULT_WINDOW = 65_535;
    /** Phase reports not handed over because the window was full (the next replaces them). */
    private long phasesSkipped;
    /** Topics the broker refused, each logged once. */
    private final Map<String, Boolean> refusedTopics = new ConcurrentHashMap<>();
    private long nextId;
    private volatile long dropped;
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
        MqttMessage message = new MqttMessage(feedback.json().getBytes(StandardCharsets.UTF_8));
        message.setQos(0);
        synchronized (publishing) {
            if (closed || !client.isConnected()) {
                return;
            }
            if (windowFull()) {
                if (phasesSkipped++ % 100_000 == 0) {
                    LOG.info("the broker's window of {} messages in flight is full: phase reports skipped ({} so far;"
                            + " the next of each athlete's comes within a second, reps wait)", window, phasesSkipped);
                }
                return;
            }
            try {
                client.publish(feedback.topic(), message);
            } catch (MqttException e) {
                // The connection just went: the next report comes within a second.
            }
        }
    }

    /**
     * Whether the broker takes no more messages in flight now. Asked under {@link #publishing} by
     * every publish: acknowledgements only ever free room, so the answer holds until it publishes.
     */
    private boolean windowFull() {
        return client.getInFlightMessageCount() >= window;
    }

    private void send(long id, Feedback feedback) {
        synchronized (publishing) {
            if (closed || !client.isConnected() || windowFull() || !inFlight.add(id)) {
                // Sent again by the retry timer once connected, or when an acknowledgement frees
                // room in the window; or under way already.
                return;
            }
            publish(id, feedback);
        }
    }

    private void publish(long id, Feedback feedback) {
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
                    sendWaiting(); // a slot in flight is free: no need to wait for the timer
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

    /** What waits and is not in flight, oldest first, as far as the broker's window has room. */
    private void sendWaiting() {
        for (Map.Entry<Long, Feedback> waiting : unacknowledged.entrySet()) {
            if (windowFull()) {
                return;
            }
            send(waiting.getKey(), waiting.getValue());
        }
    }

    /** Phase reports not handed to Paho because the broker's window was full. */
    long phasesSkipped() {
        synchronized (publishing) {
            return phasesSkipped;
        }
    }

    /**
     * Shows what the writer holds back or gives up in the task's metrics: phase reports skipped
     * while the broker's window was full, the oldest reps dropped while the broker was away, and
     * the reps waiting for its acknowledgement.
     */
    void reportTo(MetricGroup metrics) {
        metrics.gauge("feedbackPhaseReportsSkipped", (Gauge<Long>) this::phasesSkipped);
        metrics.gauge("feedbackRepsDropped", (Gauge<Long>) () -> dropped);
        metrics.gauge("feedbackRepsUnacknowledged", (Gauge<Integer>) unacknowledged::size);
    }

    private void connect() {
        if (closed || client.isConnected() || !connecting.compareAndSet(false, true)) {
            return;
        }
        try {
            connection = endpoint.connectionOptions();
            client.connect(connection, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    Integer receiveMaximum = token.getResponseProperties() == null ? null
                            : token.getResponseProperties().getReceiveMaximum();
                    window = receiveMaximum == null || receiveMaximum <= 0 ? DEFAULT_WINDOW : receiveMaximum;
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
                sendWaiting();
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
            sendWaiting();
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
            MqttClientClose.forGood(client, connection, 2_000);
        } catch (MqttException e) {
            LOG.debug("feedback client did not close cleanly: {}", e.getMessage());
        }
    }
}
