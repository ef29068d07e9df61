package io.tempostream.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes with Paho's blocking client and waits out two refusals that say "not now":
 * <ul>
 *   <li>"too many publishes in progress" (32202): Paho v5 1.2.5 can raise it even for
 *       one-at-a-time QoS 1 publishes when its in-flight count lags the broker's acknowledgements
 *       (eclipse-paho/paho.mqtt.java#993); the message was not sent, so sending it again neither
 *       loses nor doubles it.</li>
 *   <li>"not connected" (32104) and "connection lost" (32109): the broker is restarting and the
 *       client's automatic reconnect will bring it back. A message lost with the connection may
 *       have reached the broker, so sending it again can double it; the job skips a device's
 *       repeated batches.</li>
 * </ul>
 * Gives up after {@link #MAX_OUTAGE_MS} without success.
 */
public final class ReliablePublisher {
    /** Longer than a broker restart; shorter than a device would sensibly buffer. */
    static final long MAX_OUTAGE_MS = 60_000;

    private ReliablePublisher() {
    }

    public static void publish(MqttClient client, String topic, MqttMessage message)
            throws MqttException, InterruptedException {
        long deadline = System.currentTimeMillis() + MAX_OUTAGE_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (!isTransient(e.getReasonCode()) || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT ? Math.min(50, attempt) : 200);
            }
        }
    }

    private static boolean isTransient(int reasonCode) {
        return reasonCode == MqttClientException.REASON_CODE_MAX_INFLIGHT
                || reasonCode == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED
                || reasonCode == MqttClientException.REASON_CODE_CONNECTION_LOST;
    }
}
