package io.tempostream.ingest.mqtt;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * Waits until a job's MQTT readers have subscribed, by listening to their status topic. Open it
 * before the job starts: status messages are not retained.
 */
public final class ReaderReadiness implements AutoCloseable {
    private final MqttClient client;
    private final Set<String> subscribedReaders = ConcurrentHashMap.newKeySet();

    public ReaderReadiness(MqttSourceOptions options) throws MqttException {
        client = new MqttClient(options.endpoint().serverUri(), "readiness-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(options.endpoint().connectionOptions());
        client.subscribe(new MqttSubscription[] {new MqttSubscription(options.statusFilter(), 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> {
                    if (MqttSourceOptions.SUBSCRIBED.equals(new String(message.getPayload(),
                            java.nio.charset.StandardCharsets.UTF_8))) {
                        subscribedReaders.add(topic);
                    }
                }});
    }

    /** Blocks until the job's reader ({@link MqttSource#READERS}) has subscribed, or fails after {@code timeoutMs}. */
    public void await(long timeoutMs) throws InterruptedException, TimeoutException {
        int readers = MqttSource.READERS;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (subscribedReaders.size() < readers) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(subscribedReaders.size() + " of " + readers
                        + " MQTT readers subscribed within " + timeoutMs + " ms");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect(1_000);
        }
        client.close(true);
    }
}
