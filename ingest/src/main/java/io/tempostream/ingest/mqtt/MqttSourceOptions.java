package io.tempostream.ingest.mqtt;

import java.io.Serializable;

/**
 * Everything a reader needs to subscribe.
 *
 * @param topicFilter     what to subscribe to, e.g. {@code tempostream/+/+/imu}
 * @param clientIdPrefix  the reader's MQTT client id is {@code prefix-0}; unique per job (a broker
 *                        with {@code use_username_as_clientid}, as deploy/mosquitto ships, uses the
 *                        job's login instead, so no other login can take the job's session)
 * @param qos             subscription QoS (1: at least once)
 * @param queueCapacity   messages buffered between Paho's callback thread and Flink; when full
 *                        the callback blocks, which stops reading the socket: backpressure, no loss
 * @param sessionExpirySeconds how long the broker keeps a reader's session (its subscription and
 *                        the QoS 1 messages that arrive meanwhile) after the reader disconnects, so a
 *                        restarted job receives what was published while it was down; 0 for a clean
 *                        session. Needs a client id prefix that stays the same across restarts.
 * @param ackAfterCheckpoint acknowledge a message to the broker only once the Flink checkpoint
 *                        that covers it has completed, so a message the job had taken but not yet
 *                        made durable is sent again after a failure (at least once end to end).
 *                        Needs checkpointing, QoS 1 and a session that outlives a restart.
 */
public record MqttSourceOptions(
        MqttEndpoint endpoint,
        String topicFilter,
        String clientIdPrefix,
        int qos,
        int queueCapacity,
        long sessionExpirySeconds,
        boolean ackAfterCheckpoint) implements Serializable {

    /**
     * Unacknowledged QoS 1 messages the broker may have in flight to one reader (MQTT 5 Receive
     * Maximum, the protocol's largest). With acknowledgements held until a checkpoint this bounds
     * messages per reader per checkpoint interval: about 6,500 per second at the 10 s default.
     */
    public static final int RECEIVE_MAXIMUM = 65_535;

    public MqttSourceOptions {
        if (topicFilter == null || topicFilter.isBlank() || topicFilter.startsWith("$share/")) {
            throw new IllegalArgumentException("topic filter must be a plain MQTT filter, got '" + topicFilter + "'");
        }
        if (!clientIdPrefix.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("client id prefix must match [A-Za-z0-9_-]{1,40}, got '" + clientIdPrefix + "'");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, got " + qos);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive, got " + queueCapacity);
        }
        if (sessionExpirySeconds < 0 || sessionExpirySeconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("--session-expiry-s must be 0–4294967295, got " + sessionExpirySeconds);
        }
        // Paho 1.2.5 acknowledges QoS 2 itself even with manual acks (paho.mqtt.java #994): only
        // QoS 1 can be held back.
        if (ackAfterCheckpoint && qos != 1) {
            throw new IllegalArgumentException("acknowledging after checkpoints needs qos 1, got " + qos);
        }
        if (ackAfterCheckpoint && sessionExpirySeconds == 0) {
            throw new IllegalArgumentException("acknowledging after checkpoints needs a session that outlives a "
                    + "restart (--session-expiry-s > 0), got 0: a clean session would drop what was not acknowledged");
        }
    }

    /** A clean session: nothing is kept for the job while it is away. */
    public static MqttSourceOptions defaults(MqttEndpoint endpoint, String topicFilter, String clientIdPrefix) {
        return new MqttSourceOptions(endpoint, topicFilter, clientIdPrefix, 1, 10_000, 0, false);
    }

    public MqttSourceOptions withSessionExpirySeconds(long seconds) {
        return new MqttSourceOptions(endpoint, topicFilter, clientIdPrefix, qos, queueCapacity, seconds,
                ackAfterCheckpoint);
    }

    /** Holds acknowledgements until checkpoints complete; {@code sessionExpirySeconds} must be set first. */
    public MqttSourceOptions withAckAfterCheckpoint(boolean ack) {
        return new MqttSourceOptions(endpoint, topicFilter, clientIdPrefix, qos, queueCapacity,
                sessionExpirySeconds, ack);
    }

    /**
     * Each reader says {@code subscribed} here (not retained) once its subscription is in place, so
     * a publisher that starts with the job can wait for it instead of guessing.
     */
    public String statusTopic(int subtaskIndex) {
        return STATUS_PREFIX + clientIdPrefix + "/" + subtaskIndex;
    }

    public String statusFilter() {
        return STATUS_PREFIX + clientIdPrefix + "/+";
    }

    public static final String STATUS_PREFIX = "tempostream-status/";
    public static final String SUBSCRIBED = "subscribed";
}
