package io.tempostream.ingest.mqtt;

import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the subscription to the first reader ({@link MqttSource#READERS}); any other reader is
 * told there is nothing for it. The reader asks in {@code start()} when it restored no split, so a
 * split lost in a failover comes back by the reader asking again, and {@link #addSplitsBack} has
 * nothing to keep.
 */
final class MqttSplitEnumerator implements SplitEnumerator<MqttSplit, MqttEnumeratorState> {
    private final SplitEnumeratorContext<MqttSplit> context;
    private final MqttSourceOptions options;
    private int splitsCreated;

    MqttSplitEnumerator(SplitEnumeratorContext<MqttSplit> context, MqttSourceOptions options, int splitsCreated) {
        this.context = context;
        this.options = options;
        this.splitsCreated = splitsCreated;
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        if (subtaskId >= MqttSource.READERS) {
            context.signalNoMoreSplits(subtaskId);
            return;
        }
        context.assignSplit(new MqttSplit("subscription-" + subtaskId, options.topicFilter()), subtaskId);
        splitsCreated++;
    }

    @Override
    public void addSplitsBack(List<MqttSplit> splits, int subtaskId) {
        // The restarted reader restores without these and requests a fresh split in start().
    }

    @Override
    public void addReader(int subtaskId) {
    }

    @Override
    public MqttEnumeratorState snapshotState(long checkpointId) {
        return new MqttEnumeratorState(splitsCreated);
    }

    @Override
    public void close() {
    }
}
