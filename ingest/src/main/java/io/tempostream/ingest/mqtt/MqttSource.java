package io.tempostream.ingest.mqtt;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * An unbounded FLIP-27 source of MQTT messages over Paho v5. Payloads are passed on as bytes; event
 * time and watermarks come after decoding, from the samples' own timestamps. Besides messages it
 * emits {@link MqttRecord#tick}s, one a second while nothing arrives: a consumer that is not the
 * job's decoder skips them ({@link MqttRecord#isTick}).
 */
public final class MqttSource implements Source<MqttRecord, MqttSplit, MqttEnumeratorState> {
    /**
     * One plain subscription per job, never a shared one: any login may join a {@code $share}
     * group, and the broker then hands it a share of every athlete's samples, which its read ACL
     * drops (issue 19). Decoding and detection run at the job's parallelism after it. Run the
     * source at this parallelism; readers beyond it get no subscription and finish.
     */
    public static final int READERS = 1;

    private final MqttSourceOptions options;

    public MqttSource(MqttSourceOptions options) {
        this.options = options;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<MqttSplit, MqttEnumeratorState> createEnumerator(SplitEnumeratorContext<MqttSplit> context) {
        return new MqttSplitEnumerator(context, options, 0);
    }

    @Override
    public SplitEnumerator<MqttSplit, MqttEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<MqttSplit> context, MqttEnumeratorState checkpoint) {
        return new MqttSplitEnumerator(context, options, checkpoint.splitsCreated());
    }

    @Override
    public SimpleVersionedSerializer<MqttSplit> getSplitSerializer() {
        return new MqttSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<MqttEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new MqttEnumeratorStateSerializer();
    }

    @Override
    public SourceReader<MqttRecord, MqttSplit> createReader(SourceReaderContext context) {
        return new MqttSourceReader(context, options);
    }
}
