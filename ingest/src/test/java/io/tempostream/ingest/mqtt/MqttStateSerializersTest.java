package io.tempostream.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MqttStateSerializersTest {
    @Test
    void splitRoundTrips() throws IOException {
        MqttSplitSerializer serializer = new MqttSplitSerializer();
        MqttSplit split = new MqttSplit("subscription-3", "$share/tempostream/tempostream/+/+/imu");
        assertEquals(split, serializer.deserialize(serializer.getVersion(), serializer.serialize(split)));
    }

    @Test
    void enumeratorStateRoundTrips() throws IOException {
        MqttEnumeratorStateSerializer serializer = new MqttEnumeratorStateSerializer();
        MqttEnumeratorState state = new MqttEnumeratorState(7);
        assertEquals(state, serializer.deserialize(serializer.getVersion(), serializer.serialize(state)));
    }

    @Test
    void unknownVersionsAreRefused() {
        assertThrows(IOException.class, () -> new MqttSplitSerializer().deserialize(99, new byte[0]));
        assertThrows(IOException.class, () -> new MqttEnumeratorStateSerializer().deserialize(99, new byte[4]));
    }

    @Test
    void endpointHidesPassword() {
        MqttEndpoint endpoint = new MqttEndpoint("tcp://broker:1883", "coach", "s3cret");
        assertEquals("tcp://broker:1883 as coach (password set)", endpoint.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MqttEndpoint.of("broker:1883"));
        assertEquals("--mqtt-url must look like tcp://host:1883, got 'broker:1883'", e.getMessage());
    }
}
