package io.tempostream.ingest.mqtt;

import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.ImuTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes with Paho's async client and hands messages to Flink through a bounded queue. Paho's
 * callback thread fills the queue and blocks while it is full (backpressure reaches the broker
 * through TCP flow control); {@link #pollNext} drains it on the task thread.
 *
 * <p>With {@link MqttSourceOptions#ackAfterCheckpoint()} a message is acknowledged (PUBACK) only
 * when the checkpoint taken after it was emitted completes. Until then the broker keeps it in the
 * reader's session and sends it again if the job fails and resumes the session, so nothing the job
 * took but had not yet made durable is lost. Redelivered messages are duplicates downstream, which
 * the job drops by batch sequence number.
 */
final class MqttSourceReader implements SourceReader<MqttRecord, MqttSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSourceReader.class);
    private static final long CONNECT_TIMEOUT_MS = 15_000;
    /**
     * MQTT 5 Maximum Packet Size the reader announces: a broker drops larger messages instead of
     * sending them, so one device's 250 MB payload never reaches the job's memory. Twice the
     * payload limit, so payloads just over it still arrive and are counted ({@code too_large}).
     */
    static final long MAX_PACKET_BYTES = 2L * ImuBatchCodec.MAX_PAYLOAD_BYTES;
    /**
     * Payload bytes the queue holds at most, besides its count: 10 000 messages of the largest
     * accepted size would be 5 GB, which one device could send while the job is held back (an
     * InfluxDB outage). Beyond it Paho's thread waits, as for a full queue.
     */
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** With nothing arriving, a {@link MqttRecord#tick} this often (wall clock). */
    static final long TICK_EVERY_MS = 1_000;
    private static final long LOG_EVERY = 1_000;

    private final SourceReaderContext context;
    private final MqttSourceOptions options;
    private final BlockingQueue<Arrival> queue;
    /** Payload bytes in {@link #queue}. */
    private final AtomicLong queuedBytes = new AtomicLong();
    /**
     * Ids of the messages emitted since the last checkpoint barrier (QoS 1, so the id is all an
     * acknowledgement needs); only touched on the task thread.
     */
    private List<Integer> emittedSinceCheckpoint = new ArrayList<>();
    /** Message ids waiting for their checkpoint to complete, by checkpoint id. */
    private final TreeMap<Long, List<Integer>> awaitingCheckpoint = new TreeMap<>();
    private final List<MqttSplit> splits = new ArrayList<>();
    private final Object availabilityLock = new Object();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private volatile MqttAsyncClient client;
    /** The options {@link #client} connected with; closing turns their automatic reconnect off. */
    private volatile MqttConnectionOptions connection;
    private volatile boolean closed;
    private final Counter retainedRefused;
    /** Wakes the task once a tick is due, as an arriving message would. */
    private ScheduledExecutorService ticker;
    /** When a record (message or tick) was last emitted, wall clock; only touched on the task thread. */
    private long lastEmittedMs = System.currentTimeMillis();
    /** A reader beyond {@link MqttSource#READERS}: it holds no subscription and finishes. */
    private volatile boolean noMoreSplits;

    MqttSourceReader(SourceReaderContext context, MqttSourceOptions options) {
        this.context = context;
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        context.metricGroup().gauge("mqttQueuedMessages", queue::size);
        this.retainedRefused = context.metricGroup().counter("retainedMessagesRefused");
    }

    @Override
    public void start() {
        if (splits.isEmpty()) {
            context.sendSplitRequest();
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-reader-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::wake, TICK_EVERY_MS, TICK_EVERY_MS, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::nudgeReconnect, ReliablePublisher.RECONNECT_EVERY_MS,
                ReliablePublisher.RECONNECT_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** While the connection is lost, asks for a reconnect as the publishers do, instead of waiting for Paho's. */
    private void nudgeReconnect() {
        MqttAsyncClient current = client;
        if (!closed && current != null && !current.isConnected()) {
            ReliablePublisher.nudgeReconnect(current);
        }
    }

    private void wake() {
        synchronized (availabilityLock) {
            available.complete(null);
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<MqttRecord> output) {
        Arrival arrival = queue.poll();
        if (arrival != null) {
            queuedBytes.addAndGet(-arrival.record().payload().length);
        }
        long now = System.currentTimeMillis();
        if (arrival == null) {
            if (noMoreSplits && splits.isEmpty()) {
                return InputStatus.END_OF_INPUT;
            }
            if (now - lastEmittedMs >= TICK_EVERY_MS) {
                output.collect(MqttRecord.tick(now));
                lastEmittedMs = now;
            }
            return InputStatus.NOTHING_AVAILABLE;
        }
        output.collect(arrival.record());
        lastEmittedMs = now;
        if (options.ackAfterCheckpoint() && arrival.messageId() != Arrival.NOTHING_TO_ACK) {
            emittedSinceCheckpoint.add(arrival.messageId());
        }
        return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        synchronized (availabilityLock) {
            if (!queue.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return available;
        }
    }

    @Override
    public List<MqttSplit> snapshotState(long checkpointId) {
        if (!emittedSinceCheckpoint.isEmpty()) {
            awaitingCheckpoint.put(checkpointId, emittedSinceCheckpoint);
            emittedSinceCheckpoint = new ArrayList<>();
        }
        return List.copyOf(splits);
    }

    /**
     * Everything emitted before this checkpoint's barrier is now in Flink's state or past the sink:
     * the broker may forget it. An aborted checkpoint's messages wait for the next one to complete.
     */
    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Map<Long, List<Integer>> covered = awaitingCheckpoint.headMap(checkpointId, true);
        for (List<Integer> messageIds : covered.values()) {
            for (int messageId : messageIds) {
                acknowledge(messageId);
            }
        }
        covered.clear();
    }

    private void acknowledge(int messageId) {
        try {
            client.messageArrivedComplete(messageId, 1);
        } catch (MqttException e) {
            // Not connected: the broker sends the message again on reconnect; the job drops the duplicate.
            LOG.debug("MQTT acknowledgement of message {} not sent: {}", messageId, e.getMessage());
        }
    }

    @Override
    public void addSplits(List<MqttSplit> newSplits) {
        boolean first = splits.isEmpty();
        splits.addAll(newSplits);
        if (first && !splits.isEmpty()) {
            connectAndSubscribe(options.topicFilter());
        }
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        synchronized (availabilityLock) {
            available.complete(null);
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (client != null) {
            try {
                MqttClientClose.forGood(client, connection, 2_000);
            } catch (MqttException e) {
                LOG.info("MQTT client for {} did not close cleanly: {}", options.endpoint(), e.getMessage());
            }
        }
    }

    private void connectAndSubscribe(String filter) {
        String clientId = options.clientIdPrefix() + "-" + context.getIndexOfSubtask();
        try {
            client = new MqttAsyncClient(options.endpoint().serverUri(), clientId, new MemoryPersistence());
            client.setCallback(new Callback(filter));
            client.setManualAcks(options.ackAfterCheckpoint());
            connection = options.endpoint().connectionOptions();
            connection.setMaximumPacketSize(MAX_PACKET_BYTES);
            if (options.ackAfterCheckpoint()) {
                // Held acknowledgements use up the broker's in-flight window: ask for the largest.
                connection.setReceiveMaximum(MqttSourceOptions.RECEIVE_MAXIMUM);
            }
            if (options.sessionExpirySeconds() > 0) {
                // Resume the session this client id left, with what the broker queued meanwhile.
                connection.setCleanStart(false);
                connection.setSessionExpiryInterval(options.sessionExpirySeconds());
            }
            client.connect(connection).waitForCompletion(CONNECT_TIMEOUT_MS);
            client.subscribe(filter, options.qos()).waitForCompletion(CONNECT_TIMEOUT_MS);
            client.publish(options.statusTopic(context.getIndexOfSubtask()),
                    MqttSourceOptions.SUBSCRIBED.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false)
                    .waitForCompletion(CONNECT_TIMEOUT_MS);
            LOG.info("MQTT reader {} subscribed to '{}' at {}", clientId, filter, options.endpoint());
        } catch (MqttException e) {
            throw new IllegalStateException("cannot subscribe to '" + filter + "' at MQTT broker "
                    + options.endpoint() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A retained message comes from the broker's store, not from a device now: samples published
     * retained would reach every new session of the job again. Dropped (and acknowledged, so the
     * broker does not send it again); deploy/mosquitto also turns retained messages off.
     */
    private void refuseRetained(String topic, MqttMessage message) throws MqttException {
        if (options.ackAfterCheckpoint() && message.getQos() > 0) {
            client.messageArrivedComplete(message.getId(), message.getQos());
        }
        retainedRefused.inc();
        if (retainedRefused.getCount() % LOG_EVERY == 1) {
            LOG.warn("refused a retained message on '{}' ({} so far): samples must be published live, not retained",
                    ImuTopic.abbreviate(topic), retainedRefused.getCount());
        }
    }

    private void enqueue(Arrival arrival) throws InterruptedException {
        int bytes = arrival.record().payload().length;
        while (!closed && !queue.isEmpty() && queuedBytes.get() + bytes > MAX_QUEUED_BYTES) {
            Thread.sleep(10); // full by size: keep Paho's thread here, as below
        }
        queuedBytes.addAndGet(bytes);
        while (!closed && !queue.offer(arrival, 100, TimeUnit.MILLISECONDS)) {
            // Full: keep Paho's thread here so it stops reading from the socket.
        }
        synchronized (availabilityLock) {
            available.complete(null);
        }
    }

    /** A message with the id its acknowledgement names. */
    private record Arrival(MqttRecord record, int messageId) {
        static final int NOTHING_TO_ACK = -1;
    }

    private final class Callback implements MqttCallback {
        private final String filter;

        Callback(String filter) {
            this.filter = filter;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException, MqttException {
            if (message.isRetained()) {
                refuseRetained(topic, message);
                return;
            }
            // A device publishing at QoS 0 gets QoS 0 delivery: there is nothing to acknowledge.
            enqueue(new Arrival(new MqttRecord(topic, message.getPayload(), System.currentTimeMillis()),
                    message.getQos() > 0 ? message.getId() : Arrival.NOTHING_TO_ACK));
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect && !closed) {
                LOG.info("MQTT reconnected to {}; subscribing to '{}' again", serverUri, filter);
                try {
                    client.subscribe(filter, options.qos());
                } catch (MqttException e) {
                    LOG.warn("MQTT re-subscribe to '{}' failed: {}", filter, e.getMessage());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed) {
                LOG.warn("MQTT connection to {} lost ({}); reconnecting", options.endpoint(), response.getReasonString());
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error from {}: {}", options.endpoint(), exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
