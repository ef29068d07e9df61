package io.tempostream.analytics.cli;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * An MQTT 5 broker inside this JVM (HiveMQ CE embedded) on a free loopback port, so the demo
 * needs no installed broker. It keeps sessions and queues in memory: nothing outlives the demo,
 * and its start does no disk work (0.1 s here once warm, against 1.3–1.6 s with its file store).
 * Its configuration lives in a temporary folder removed on close.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
    private static final int START_TIMEOUT_S = 60;
    private final Path home;
    private final EmbeddedHiveMQ hivemq;
    private final int port;
    private final int webSocketPort;

    private EmbeddedMqttBroker(Path home, EmbeddedHiveMQ hivemq, int port, int webSocketPort) {
        this.home = home;
        this.hivemq = hivemq;
        this.port = port;
        this.webSocketPort = webSocketPort;
    }

    public static EmbeddedMqttBroker start() throws IOException {
        return start(false);
    }

    /**
     * With {@code webSocket}, also MQTT over WebSocket at {@code ws://127.0.0.1:{port}/mqtt}
     * ({@link #webSocketPort}), for the phone page through {@link PhoneGateway}.
     */
    public static EmbeddedMqttBroker start(boolean webSocket) throws IOException {
        Path home = Files.createTempDirectory("tempostream-broker-");
        int port = freeLoopbackPort();
        int webSocketPort = webSocket ? freeLoopbackPort() : -1;
        String webSocketListener = !webSocket ? "" : """
                    <websocket-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                      <path>/mqtt</path>
                      <subprotocols>
                        <subprotocol>mqtt</subprotocol>
                      </subprotocols>
                    </websocket-listener>
                """.formatted(webSocketPort);
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                %s  </listeners>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                </hivemq>
                """.formatted(port, webSocketListener));
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(home.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            deleteRecursively(home);
            throw new IOException("the embedded MQTT broker did not start within " + START_TIMEOUT_S + " s", e);
        } catch (Exception e) {
            deleteRecursively(home);
            throw new IOException("the embedded MQTT broker did not start: " + e.getMessage(), e);
        }
        return new EmbeddedMqttBroker(home, hivemq, port, webSocketPort);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The loopback port of MQTT over WebSocket, or -1 when started without it. */
    int webSocketPort() {
        return webSocketPort;
    }

    @Override
    public void close() throws Exception {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } finally {
            deleteRecursively(home);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
