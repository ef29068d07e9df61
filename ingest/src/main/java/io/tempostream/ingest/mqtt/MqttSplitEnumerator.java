package io.tempostream.ingest.mqtt;

import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands each reader that asks one subscription. Readers ask in {@code start()} when they restored
 * no split, so a split lost in a failover comes back by the reader asking again, and
 * {@link #addSplitsBack} has nothing to keep.
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
        String filter = options.subscriptionFilter(context.currentParallelism());
        context.assignSplit(new MqttSplit("subscription-" + subtaskId, filter), subtaskId);
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
