package io.tempostream.ingest.mqtt;

/**
 * One MQTT message as received: the source does not interpret payloads, the job's decoder does.
 * A record with an empty topic (which no MQTT message has) is the reader's {@link #tick}.
 */
public record MqttRecord(String topic, byte[] payload, long receivedAtMs) {
    private static final byte[] NOTHING = new byte[0];

    /**
     * Nothing arrived for a while: the reader says so once a second, so what counts arrivals
     * (the health rows) can report on time although no message comes to make it look.
     */
    public static MqttRecord tick(long nowMs) {
        return new MqttRecord("", NOTHING, nowMs);
    }

    public boolean isTick() {
        return topic.isEmpty();
    }
}
