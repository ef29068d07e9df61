package io.tempostream.ingest.mqtt;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One subscription held by one reader. MQTT has no offsets to resume from, so a split is just the
 * topic filter; with parallelism above one the filter is a shared subscription
 * ({@code $share/group/filter}) and the broker spreads messages over the readers.
 */
public record MqttSplit(String splitId, String topicFilter) implements SourceSplit {
}
