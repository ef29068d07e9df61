package io.tempostream.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects and publishes one message at a time with Paho's client, waiting out a broker that is
 * not there yet (at start-up) or away for a while (a restart), and refusals that say "not now":
 * <ul>
 *   <li>"too many publishes in progress" (32202): Paho v5 1.2.5 can raise it even for
 *       one-at-a-time QoS 1 publishes when its in-flight count lags the broker's acknowledgements
 *       (eclipse-paho/paho.mqtt.java#993); the message was not sent, so sending it again neither
 *       loses nor doubles it.</li>
 *   <li>"not connected" (32104) and "connection lost" (32109): the broker is restarting and the
 *       client's automatic reconnect will bring it back. A message lost with the connection may
 *       have reached the broker, so sending it again can double it; the job skips a device's
 *       repeated batches. Any failure while the client is not connected counts as this (issue 19:
 *       a simulator died on one broker restart in five).</li>
 *   <li>"not authorized" (0x87) or "quota exceeded" (0x97) in the broker's acknowledgement: the
 *       shipped broker answers so when a login publishes more than its budget
 *       (deploy/mosquitto/rate-limit.c); the message was dropped, so it is sent again once the
 *       budget refills. A topic the login may not use is answered the same way, and fails with
 *       {@link PublishRefusedException} after {@link #MAX_REFUSED_MS}.</li>
 * </ul>
 * Gives up after {@link #MAX_OUTAGE_MS} without success; a refusal that will not change (a wrong
 * password, a malformed topic) fails at once. Paho's blocking client would report neither kind of
 * acknowledgement: it returns normally whatever the broker answered.
 */
public final class ReliablePublisher {
    /**
     * Outages of up to a minute lose nothing (docs/operations.md): after one, Paho's reconnect
     * backoff (at most 30 s, {@link MqttEndpoint#connectionOptions}) may add half a minute more.
     */
    static final long MAX_OUTAGE_MS = 120_000;
    /**
     * How long a refused message is offered again. Under the shipped budget (256 KiB/s per login)
     * a device that sent too much may send its largest batch again within two seconds; refusals
     * for this long mean the login may not publish there.
     */
    static final long MAX_REFUSED_MS = 30_000;
    private static final long CONNECT_RETRY_MS = 1_000;
    private static final long REFUSED_RETRY_MS = 250;
    /** While not connected, a reconnect is asked for this often. */
    static final long RECONNECT_EVERY_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(ReliablePublisher.class);

    private ReliablePublisher() {
    }

    /** Connects, waiting up to {@link #MAX_OUTAGE_MS} for a broker that cannot be reached yet. */
    public static void connect(MqttAsyncClient client, MqttConnectionOptions options) throws MqttException, InterruptedException {
        long deadline = System.currentTimeMillis() + MAX_OUTAGE_MS;
        boolean said = false;
        while (true) {
            try {
                client.connect(options).waitForCompletion();
                return;
            } catch (MqttException e) {
                if (!unreachable(e) || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                if (!said) {
                    LOG.warn("MQTT broker {} not reachable ({}); waiting up to {} s for it", client.getServerURI(),
                            e.getMessage(), MAX_OUTAGE_MS / 1000);
                    said = true;
                }
                Thread.sleep(CONNECT_RETRY_MS);
            }
        }
    }

    /** Nobody answered (yet): not a refusal by a broker that is there. */
    private static boolean unreachable(MqttException e) {
        return e.getReasonCode() == MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR
                || e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT
                || e.getReasonCode() == MqttClientException.REASON_CODE_CONNECTION_LOST;
    }

    /** Sends one message and returns once the broker has taken it (QoS 1 and 2: acknowledged). */
    public static void publish(MqttAsyncClient client, String topic, MqttMessage message)
            throws MqttException, InterruptedException {
        publish(client, topic, message, MAX_REFUSED_MS);
    }

    /** As above, giving up on refusals after {@code maxRefusedMs} (tests). */
    static void publish(MqttAsyncClient client, String topic, MqttMessage message, long maxRefusedMs)
            throws MqttException, InterruptedException {
        long deadline = System.currentTimeMillis() + MAX_OUTAGE_MS;
        long nextReconnectMs = System.currentTimeMillis() + RECONNECT_EVERY_MS;
        long firstRefusedMs = -1;
        for (int attempt = 1; ; attempt++) {
            IMqttToken token;
            try {
                token = client.publish(topic, message);
                token.waitForCompletion();
            } catch (MqttException e) {
                if (!(isTransient(e.getReasonCode()) || !client.isConnected()) || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                if (!client.isConnected() && System.currentTimeMillis() >= nextReconnectMs) {
                    nudgeReconnect(client);
                    nextReconnectMs = System.currentTimeMillis() + RECONNECT_EVERY_MS;
                }
                Thread.sleep(e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT ? Math.min(50, attempt) : 200);
                continue;
            }
            int refusal = refusal(token);
            if (refusal == 0) {
                return;
            }
            long now = System.currentTimeMillis();
            if (firstRefusedMs < 0) {
                firstRefusedMs = now;
            }
            if (!mayPass(refusal) || now - firstRefusedMs >= maxRefusedMs) {
                throw new PublishRefusedException(topic, refusal, now - firstRefusedMs);
            }
            Thread.sleep(REFUSED_RETRY_MS);
        }
    }

    /**
     * Asks for a reconnect now instead of waiting for Paho's own: its backoff grows to 30 s, and in
     * BrokerRestartIT one publisher in two was still not reconnected 50 s after a 10 s outage
     * (Paho 1.2.5); the job's reader came back 128 s after a 5 s restart. A reconnect already under
     * way refuses this one, which is fine. Also {@link MqttSourceReader}'s, while it is disconnected.
     */
    static void nudgeReconnect(MqttAsyncClient client) {
        try {
            client.reconnect();
        } catch (MqttException e) {
            LOG.debug("MQTT reconnect to {} not started: {}", client.getServerURI(), e.getMessage());
        }
    }

    /** The broker's reason code when it refused the message (0x80 and above), else 0. */
    public static int refusal(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes != null && codes.length > 0 && codes[0] >= 0x80 ? codes[0] : 0;
    }

    /** Refusals that pass once the login has sent less for a while. */
    private static boolean mayPass(int refusal) {
        return refusal == 0x87 || refusal == 0x97;
    }

    private static boolean isTransient(int reasonCode) {
        return reasonCode == MqttClientException.REASON_CODE_MAX_INFLIGHT
                || reasonCode == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED
                || reasonCode == MqttClientException.REASON_CODE_CONNECTION_LOST
                || reasonCode == MqttClientException.REASON_CODE_CLIENT_TIMEOUT;
    }
}
