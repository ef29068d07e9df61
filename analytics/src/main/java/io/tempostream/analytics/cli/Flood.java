package io.tempostream.analytics.cli;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.ReliablePublisher;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One device flooding its own topic for {@code loadtest --flood-bytes}: payloads of ten valid
 * samples padded to the given size, one after the other, at QoS 1 as fast as the broker
 * acknowledges them or at QoS 0 as fast as the connection takes them (the attack of issue 19, at
 * a size the broker and the job accept or refuse). At QoS 1 a message the broker refuses (over
 * the login's publish budget) is counted as refused and not sent again; a lost connection is
 * made again, as an attacker would.
 */
final class Flood {
    static final String TOPIC = "tempostream/flood/wrist-1/imu";

    private final MqttEndpoint endpoint;
    private final byte[] payload;
    private final long durationMs;
    private final int qos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile long startedMs;
    private volatile long endedMs;
    private Thread thread;

    Flood(MqttEndpoint endpoint, int bytes, int qos, long durationMs) {
        this.endpoint = endpoint;
        this.durationMs = durationMs;
        this.qos = qos;
        this.payload = padded(bytes);
    }

    /** Ten still samples as JSON, with a padding field making the payload {@code bytes} long. */
    static byte[] padded(int bytes) {
        long t0 = System.currentTimeMillis();
        long[] t = new long[10];
        float[] zero = new float[10];
        float[] one = new float[10];
        for (int i = 0; i < 10; i++) {
            t[i] = t0 + 10L * i;
            one[i] = 1;
        }
        String json = new String(ImuBatchCodec.encode(new ImuBatch("flood", "wrist-1", Placement.WRIST, 0, t, zero, zero, one,
                zero, zero, zero), PayloadFormat.JSON), StandardCharsets.UTF_8);
        String head = "{\"pad\":\"";
        int room = Math.max(0, bytes - json.length() - head.length() - 2);
        return (head + "x".repeat(room) + "\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    void start() {
        thread = new Thread(this::run, "flood");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        startedMs = System.currentTimeMillis();
        try {
            MqttAsyncClient client = new MqttAsyncClient(endpoint.serverUri(), "flood-" + startedMs, new MemoryPersistence());
            client.connect(endpoint.connectionOptions()).waitForCompletion();
            MqttMessage message = new MqttMessage(payload);
            message.setQos(qos);
            while (System.currentTimeMillis() - startedMs < durationMs) {
                try {
                    IMqttToken token = client.publish(TOPIC, message);
                    token.waitForCompletion();
                    if (ReliablePublisher.refusal(token) != 0) { // QoS 1: the broker's answer
                        refused.incrementAndGet(); // over its publish budget (deploy/mosquitto/rate-limit.c)
                    } else {
                        sent.incrementAndGet();
                    }
                } catch (MqttException e) {
                    refused.incrementAndGet(); // the broker's packet limit, or a lost connection
                    Thread.sleep(100);
                    reconnect(client); // as an attacker would
                }
            }
            client.disconnectForcibly(1_000);
            client.close(true);
        } catch (MqttException | InterruptedException e) {
            refused.incrementAndGet();
        } finally {
            endedMs = System.currentTimeMillis();
        }
    }

    private void reconnect(MqttAsyncClient client) {
        if (client.isConnected()) {
            return;
        }
        try {
            client.connect(endpoint.connectionOptions()).waitForCompletion();
            reconnects.incrementAndGet();
        } catch (MqttException e) {
            // refused (shut out by the broker's publish budget) or not there: try again later
        }
    }

    String report() {
        double seconds = Math.max(1, (endedMs == 0 ? System.currentTimeMillis() : endedMs) - startedMs) / 1000.0;
        return String.format(Locale.ROOT, "flood:       %,d messages of %,d bytes at QoS %d %s (%.1f MB/s), %,d refused%s, %,d reconnects",
                sent.get(), payload.length, qos, qos == 0 ? "sent" : "accepted by the broker",
                sent.get() * payload.length / seconds / 1e6, refused.get(),
                qos == 0 ? " (at QoS 0 the broker refuses silently: see its log)" : "", reconnects.get());
    }
}
