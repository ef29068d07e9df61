package io.tempostream.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

class MqttClientCloseTest {

    /**
     * A server that takes the TCP connection and never answers CONNECT keeps Paho "connecting" for
     * its whole connection timeout, as a broker that is slow to come back keeps a reconnect attempt.
     */
    @Test
    void aClientPartWayThroughAConnectIsClosedAndStaysClosed() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception e) {
                    // server closed
                }
            }, "silent broker");
            acceptor.setDaemon(true);
            acceptor.start();
            MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + silent.getLocalPort(), "closing", new MemoryPersistence());
            MqttConnectionOptions connection = MqttEndpoint.of("tcp://127.0.0.1:" + silent.getLocalPort()).connectionOptions();
            client.connect(connection);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (accepted.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, accepted.size(), "the client reached the server and waits for its answer");
            MqttException plainClose = assertThrows(MqttException.class, () -> client.close(true),
                    "what Paho does with a plain close now (the reason for MqttClientClose)");
            assertEquals(MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS, plainClose.getReasonCode());

            MqttClientClose.forGood(client, connection, 100);

            MqttException afterwards = assertThrows(MqttException.class, () -> client.connect(connection));
            assertEquals(MqttClientException.REASON_CODE_CLIENT_CLOSED, afterwards.getReasonCode(), "closed for good");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
