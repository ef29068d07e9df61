package io.tempostream.ingest.mqtt;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * Where the broker is and how to log in. The password is kept out of {@link #toString()} so a
 * logged configuration never leaks it; it normally comes from the environment, not a flag.
 */
public record MqttEndpoint(String serverUri, Optional<String> username, Optional<String> password)
        implements Serializable {

    public MqttEndpoint {
        validateUri(serverUri);
    }

    public static MqttEndpoint of(String serverUri) {
        return new MqttEndpoint(serverUri, Optional.empty(), Optional.empty());
    }

    /** Reads {@code MQTT_USERNAME} / {@code MQTT_PASSWORD} from the environment when set. */
    public static MqttEndpoint fromEnvironment(String serverUri) {
        return new MqttEndpoint(serverUri,
                Optional.ofNullable(System.getenv("MQTT_USERNAME")).filter(s -> !s.isEmpty()),
                Optional.ofNullable(System.getenv("MQTT_PASSWORD")).filter(s -> !s.isEmpty()));
    }

    /** Paho options for a client that reconnects by itself after a broker restart. */
    public MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(new String[] {serverUri});
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        username.ifPresent(options::setUserName);
        password.ifPresent(p -> options.setPassword(p.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return options;
    }

    private static void validateUri(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            if (scheme == null || !(scheme.equals("tcp") || scheme.equals("ssl") || scheme.equals("ws") || scheme.equals("wss"))
                    || parsed.getHost() == null) {
                throw new IllegalArgumentException("--mqtt-url must look like tcp://host:1883, got '" + uri + "'");
            }
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("--mqtt-url must look like tcp://host:1883, got '" + uri + "'");
        }
    }

    @Override
    public String toString() {
        return serverUri + username.map(u -> " as " + u).orElse("") + password.map(p -> " (password set)").orElse("");
    }
}
