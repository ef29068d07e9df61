package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import java.util.Set;
import java.util.UUID;

/**
 * The job's settings, from flags; credentials come from the environment (MQTT_USERNAME,
 * MQTT_PASSWORD, INFLUX_USERNAME, INFLUX_PASSWORD).
 *
 * @param maxOutOfOrderMs    how late a batch may arrive and still be put back in order
 * @param checkpointIntervalMs 0 turns checkpointing off
 */
public record JobOptions(
        MqttSourceOptions mqtt,
        InfluxOptions influx,
        int parallelism,
        long checkpointIntervalMs,
        long maxOutOfOrderMs) {

    public static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:1883";
    public static final String DEFAULT_INFLUX_URL = "http://127.0.0.1:8086";
    public static final String DEFAULT_INFLUX_DB = "tempostream";

    public static final Set<String> FLAGS = Set.of("mqtt-url", "topic", "client-id-prefix", "influx-url", "influx-db",
            "parallelism", "checkpoint-interval-ms", "max-out-of-order-ms", "session-expiry-s");

    public static JobOptions fromFlags(Flags flags) {
        MqttEndpoint endpoint = MqttEndpoint.fromEnvironment(flags.get("mqtt-url", DEFAULT_MQTT_URL));
        // A named job keeps its broker session for an hour, so a restart misses nothing published
        // meanwhile; an unnamed one gets a random id, whose session nobody would ever resume.
        boolean named = flags.get("client-id-prefix").isPresent();
        String prefix = flags.get("client-id-prefix", "tempostream-" + UUID.randomUUID().toString().substring(0, 8));
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(endpoint, flags.get("topic", ImuTopic.ALL_DEVICES_FILTER), prefix)
                .withSessionExpirySeconds(flags.getLong("session-expiry-s", named ? 3_600 : 0, 0, 0xFFFFFFFFL));
        InfluxOptions influx = InfluxOptions.fromEnvironment(flags.get("influx-url", DEFAULT_INFLUX_URL),
                flags.get("influx-db", DEFAULT_INFLUX_DB));
        return new JobOptions(mqtt, influx,
                flags.getInt("parallelism", 1, 1, 256),
                flags.getLong("checkpoint-interval-ms", 10_000, 0, 3_600_000),
                flags.getLong("max-out-of-order-ms", 500, 0, 60_000));
    }
}
