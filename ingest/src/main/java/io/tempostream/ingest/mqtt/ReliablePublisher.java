package io.tempostream.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes with Paho's blocking client and waits out its "too many publishes in progress"
 * refusal (reason 32202). Paho v5 1.2.5 can raise it even for one-at-a-time QoS 1 publishes when
 * its in-flight count lags the broker's acknowledgements (eclipse-paho/paho.mqtt.java#993); the
 * message was not sent, so sending it again neither loses nor doubles it.
 */
public final class ReliablePublisher {
    private static final int MAX_ATTEMPTS = 200;

    private ReliablePublisher() {
    }

    public static void publish(MqttClient client, String topic, MqttMessage message)
            throws MqttException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(Math.min(50, attempt));
            }
        }
    }
}
