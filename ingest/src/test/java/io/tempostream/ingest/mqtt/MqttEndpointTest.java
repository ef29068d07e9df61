package io.tempostream.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttEndpointTest {

    @Test
    void aCaFileNeedsATlsUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MqttEndpoint("tcp://broker:1883", "", "", "/etc/ca.crt"));
        assertEquals("MQTT_CA_FILE is set, so --mqtt-url must be ssl:// or wss://, got 'tcp://broker:1883'", e.getMessage());
    }

    @Test
    void anUnusableCaFileIsNamedWithItsPath(@TempDir Path dir) throws Exception {
        MqttEndpoint missing = new MqttEndpoint("ssl://broker:8883", "", "", dir.resolve("none.crt").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, missing::connectionOptions);
        assertEquals("MQTT_CA_FILE: no such file: " + dir.resolve("none.crt"), e.getMessage());

        Path garbage = Files.writeString(dir.resolve("garbage.crt"), "not a certificate");
        e = assertThrows(IllegalArgumentException.class,
                () -> new MqttEndpoint("ssl://broker:8883", "", "", garbage.toString()).connectionOptions());
        assertEquals(true, e.getMessage().startsWith("MQTT_CA_FILE " + garbage + " is not a PEM certificate"), e.getMessage());
    }

    @Test
    void theDescriptionNamesTheCaButNeverThePassword() {
        assertEquals("ssl://broker:8883 as a1.wrist (password set) trusting /etc/ca.crt",
                new MqttEndpoint("ssl://broker:8883", "a1.wrist", "s3cret", "/etc/ca.crt").toString());
    }

    /**
     * Paho reads a packet's header a byte at a time from the socket it is given: over plain TCP
     * the endpoint gives it one whose input is buffered, so a byte is not a system call.
     */
    @Test
    void aPlainTcpConnectionReadsThroughABuffer() throws Exception {
        try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = MqttEndpoint.of("tcp://127.0.0.1:" + broker.getLocalPort()).connectionOptions()
                        .getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), broker.getLocalPort()));
            try (Socket accepted = broker.accept()) {
                accepted.getOutputStream().write(new byte[] {0x30, 0x02, 'o', 'k'});
                InputStream input = socket.getInputStream();
                assertTrue(input instanceof BufferedInputStream, input.getClass().getName());
                assertSame(input, socket.getInputStream(), "one stream, so nothing read ahead is lost");
                assertEquals(0x30, input.read());
                assertEquals(0x02, input.read());
            }
        }
    }
}
