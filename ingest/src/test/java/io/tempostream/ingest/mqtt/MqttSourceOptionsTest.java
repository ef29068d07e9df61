package io.tempostream.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MqttSourceOptionsTest {
    private static final MqttSourceOptions DEFAULTS = MqttSourceOptions.defaults(
            MqttEndpoint.of("tcp://127.0.0.1:1883"), "tempostream/+/+/imu", "job");

    @Test
    void heldAcknowledgementsNeedASessionThatOutlivesARestart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.withAckAfterCheckpoint(true));
        assertTrue(e.getMessage().contains("--session-expiry-s"), e.getMessage());
    }

    @Test
    void heldAcknowledgementsNeedQos1() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MqttSourceOptions(DEFAULTS.endpoint(), "t/+", "job", 2, 10, 60, true));
        assertTrue(e.getMessage().contains("qos 1, got 2"), e.getMessage());
    }

    @Test
    void withASessionAcknowledgementsCanBeHeld() {
        assertTrue(DEFAULTS.withSessionExpirySeconds(60).withAckAfterCheckpoint(true).ackAfterCheckpoint());
    }
}
