package io.tempostream.ingest.mqtt;

/** One MQTT message as received: the source does not interpret payloads, the job's decoder does. */
public record MqttRecord(String topic, byte[] payload, long receivedAtMs) {
}
