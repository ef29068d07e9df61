package io.tempostream.ingest.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Closes a Paho client for good, also while its automatic reconnect is part-way through a connect.
 * Paho v5 1.2.5 refuses {@code close(true)} then ("connect already in progress", 32110) and leaves
 * the client reconnecting: a reader left so would come back under the job's login and push the
 * restarted job's reader off the broker (a client's id is its login on the shipped broker).
 */
public final class MqttClientClose {
    private MqttClientClose() {
    }

    /**
     * Disconnects (waiting up to {@code quiesceMs} for in-flight work) and closes. {@code connection}
     * is the options object the client connected with: Paho reads its automatic-reconnect flag
     * before each new attempt, so turning it off here stops the attempts (null where they are not
     * at hand: a reconnect scheduled after the close then finds the client closed and gives up).
     */
    public static void forGood(IMqttAsyncClient client, MqttConnectionOptions connection, long quiesceMs) throws MqttException {
        if (connection != null) {
            connection.setAutomaticReconnect(false);
        }
        try {
            if (client.isConnected()) {
                client.disconnect(quiesceMs).waitForCompletion(quiesceMs + 1_000);
            }
        } catch (MqttException e) {
            // Not connected after all, or the broker went meanwhile: the forcible disconnect below.
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS
                    && e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_CONNECTED) {
                throw e;
            }
            // Drops the socket of the attempt under way; the attempt fails and, reconnect off, stays failed.
            client.disconnectForcibly(0, 1_000, false);
            client.close(true);
        }
    }
}
