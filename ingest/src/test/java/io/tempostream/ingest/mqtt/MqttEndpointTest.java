package io.tempostream.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
