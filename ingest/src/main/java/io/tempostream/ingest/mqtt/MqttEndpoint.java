package io.tempostream.ingest.mqtt;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * Where the broker is and how to log in ({@code ""} for no username, password or CA file: the
 * record is shipped to Flink's task managers, and {@code Optional} is not serializable). The
 * password is kept out of {@link #toString()} so a logged configuration never leaks it; it comes
 * from the environment, not a flag. For {@code ssl://} brokers, {@code caFile} names a PEM file of
 * the CA certificates to trust; empty means the JVM's own trust store.
 */
public record MqttEndpoint(String serverUri, String username, String password, String caFile) implements Serializable {

    public MqttEndpoint {
        validateUri(serverUri);
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        caFile = caFile == null ? "" : caFile;
        if (!caFile.isEmpty() && !(serverUri.startsWith("ssl://") || serverUri.startsWith("wss://"))) {
            throw new IllegalArgumentException("MQTT_CA_FILE is set, so --mqtt-url must be ssl:// or wss://, got '"
                    + serverUri + "'");
        }
    }

    public MqttEndpoint(String serverUri, String username, String password) {
        this(serverUri, username, password, "");
    }

    public static MqttEndpoint of(String serverUri) {
        return new MqttEndpoint(serverUri, "", "");
    }

    /** Reads {@code MQTT_USERNAME}, {@code MQTT_PASSWORD} and {@code MQTT_CA_FILE} from the environment when set. */
    public static MqttEndpoint fromEnvironment(String serverUri) {
        return new MqttEndpoint(serverUri, System.getenv("MQTT_USERNAME"), System.getenv("MQTT_PASSWORD"),
                System.getenv("MQTT_CA_FILE"));
    }

    /** Paho options for a client that reconnects by itself after a broker restart. */
    public MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(new String[] {serverUri});
        options.setAutomaticReconnect(true);
        // Paho 1.2.5 reads neither bound of setAutomaticReconnectDelay (eclipse-paho/paho.mqtt.java
        // #864): its backoff doubles from 1 s up to this, 128 s unless set, and is one static field
        // that every failed attempt of any of the JVM's clients doubles.
        options.setMaxReconnectDelay(30_000);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        if (!username.isEmpty()) {
            options.setUserName(username);
        }
        if (!password.isEmpty()) {
            options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!caFile.isEmpty()) {
            options.setSocketFactory(PemTrust.socketFactory(caFile));
        } else if (serverUri.startsWith("tcp://")) {
            options.setSocketFactory(BufferedSocketFactory.INSTANCE);
        }
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
        return serverUri + (username.isEmpty() ? "" : " as " + username) + (password.isEmpty() ? "" : " (password set)")
                + (caFile.isEmpty() ? "" : " trusting " + caFile);
    }
}
