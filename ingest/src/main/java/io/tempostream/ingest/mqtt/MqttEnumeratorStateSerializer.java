package io.tempostream.ingest.mqtt;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Checkpoint format of {@link MqttEnumeratorState}: version 1 is one int. */
public final class MqttEnumeratorStateSerializer implements SimpleVersionedSerializer<MqttEnumeratorState> {
    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(MqttEnumeratorState state) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(state.splitsCreated()).array();
    }

    @Override
    public MqttEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION || serialized.length != Integer.BYTES) {
            throw new IOException("MQTT enumerator checkpoint version " + version + " (" + serialized.length
                    + " bytes) is not supported, expected version " + VERSION);
        }
        return new MqttEnumeratorState(ByteBuffer.wrap(serialized).getInt());
    }
}
