package io.tempostream.ingest.mqtt;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The subscription, held by the source's one reader. MQTT has no offsets to resume from, so a
 * split is just the topic filter (checkpoints of jobs from before 2026-12-03 may hold
 * {@code $share/...} filters; the reader subscribes to its options' filter whatever the split says).
 */
public record MqttSplit(String splitId, String topicFilter) implements SourceSplit {
}
