package io.tempostream.ingest.mqtt;

import java.util.Locale;
import org.eclipse.paho.mqttv5.common.MqttException;

/** The broker kept refusing a message: the login may not publish to the topic, or sends too much. */
public final class PublishRefusedException extends MqttException {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final long refusedForMs;

    PublishRefusedException(String topic, int reasonCode, long refusedForMs) {
        super(reasonCode);
        this.topic = topic;
        this.refusedForMs = refusedForMs;
    }

    @Override
    public String getMessage() {
        String why = switch (getReasonCode()) {
            case 0x87 -> "not authorized: the login may not publish to this topic (the broker's ACL), or published more than"
                    + " its budget allows (deploy/mosquitto/rate-limit.c)";
            case 0x97 -> "quota exceeded: the login published more than the broker allows";
            default -> "reason code 0x" + Integer.toHexString(getReasonCode());
        };
        return String.format(Locale.ROOT, "the MQTT broker refused a message on %s%s (%s)", topic,
                refusedForMs > 0 ? String.format(Locale.ROOT, " for %.0f s", refusedForMs / 1000.0) : "", why);
    }
}
