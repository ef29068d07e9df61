package io.tempostream.ingest.mqtt;

/**
 * One MQTT message as received: the source does not interpret payloads, the job's decoder does.
 * A record on {@link #TICK_TOPIC} is the reader's {@link #tick}.
 */
public record MqttRecord(String topic, byte[] payload, long receivedAtMs) {
    /**
     * No MQTT message has this topic: the protocol forbids U+0000 in topic names. (An empty topic
     * would not do: records from other sources, as in FuzzedPayloadsIT, may have one, and it must
     * be refused as a bad topic.)
     */
    static final String TICK_TOPIC = "\u0000tick";
    private static final byte[] NOTHING = new byte[0];

    /**
     * Nothing arrived for a while: the reader says so once a second, so what counts arrivals
     * (the health rows) can report on time although no message comes to make it look.
     */
    public static MqttRecord tick(long nowMs) {
        return new MqttRecord(TICK_TOPIC, NOTHING, nowMs);
    }

    public boolean isTick() {
        return TICK_TOPIC.equals(topic);
    }
}
