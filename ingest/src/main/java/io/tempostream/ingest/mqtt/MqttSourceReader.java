package io.tempostream.ingest.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
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
 */
final class MqttSourceReader implements SourceReader<MqttRecord, MqttSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSourceReader.class);
    private static final long CONNECT_TIMEOUT_MS = 15_000;

    private final SourceReaderContext context;
    private final MqttSourceOptions options;
    private final BlockingQueue<MqttRecord> queue;
    private final List<MqttSplit> splits = new ArrayList<>();
    private final Object availabilityLock = new Object();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private MqttAsyncClient client;
    private volatile boolean closed;

    MqttSourceReader(SourceReaderContext context, MqttSourceOptions options) {
        this.context = context;
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        context.metricGroup().gauge("mqttQueuedMessages", queue::size);
    }

    @Override
    public void start() {
        if (splits.isEmpty()) {
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<MqttRecord> output) {
        MqttRecord record = queue.poll();
        if (record == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        output.collect(record);
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
        return List.copyOf(splits);
    }

    @Override
    public void addSplits(List<MqttSplit> newSplits) {
        boolean first = splits.isEmpty();
        splits.addAll(newSplits);
        if (first && !splits.isEmpty()) {
            connectAndSubscribe(splits.get(0).topicFilter());
        }
    }

    @Override
    public void notifyNoMoreSplits() {
    }

    @Override
    public void close() throws Exception {
        closed = true;
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect(2_000).waitForCompletion(3_000);
                }
            } catch (MqttException e) {
                LOG.info("MQTT disconnect from {} did not complete cleanly: {}", options.endpoint(), e.getMessage());
            } finally {
                client.close(true);
            }
        }
    }

    private void connectAndSubscribe(String filter) {
        String clientId = options.clientIdPrefix() + "-" + context.getIndexOfSubtask();
        try {
            client = new MqttAsyncClient(options.endpoint().serverUri(), clientId, new MemoryPersistence());
            client.setCallback(new Callback(filter));
            MqttConnectionOptions connection = options.endpoint().connectionOptions();
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

    private void enqueue(MqttRecord record) throws InterruptedException {
        while (!closed && !queue.offer(record, 100, TimeUnit.MILLISECONDS)) {
            // Full: keep Paho's thread here so it stops reading from the socket.
        }
        synchronized (availabilityLock) {
            available.complete(null);
        }
    }

    private final class Callback implements MqttCallback {
        private final String filter;

        Callback(String filter) {
            this.filter = filter;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            enqueue(new MqttRecord(topic, message.getPayload(), System.currentTimeMillis()));
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
