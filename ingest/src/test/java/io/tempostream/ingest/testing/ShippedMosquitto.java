package io.tempostream.ingest.testing;

import io.tempostream.ingest.mqtt.MqttEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Mosquitto configured as deploy/mosquitto ships it (TLS, per-device logins from
 * add-device.sh, its ACL, its limits, the publish budget built by build-rate-limit.sh), on a free
 * loopback port with the test's own folder, a CA made for the test, and persistence off.
 */
public final class ShippedMosquitto implements AutoCloseable {
    private static final Path DEPLOY = Path.of("../deploy/mosquitto");

    private final Path dir;
    private LocalMosquitto broker;
    private int webSocketPort;

    public ShippedMosquitto(Path dir) throws Exception {
        this.dir = dir;
        Files.copy(DEPLOY.resolve("acl"), dir.resolve("acl"));
        Scripts.run(Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=TempoStream test CA",
                "-keyout", dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.crt").toString());
        Scripts.run(Map.of(), "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString());
        Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
        Scripts.run(Map.of(), "bash", DEPLOY.resolve("build-rate-limit.sh").toString(), dir.resolve("rate-limit.so").toString());
        Scripts.run(Map.of(), "openssl", "x509", "-req", "-days", "1", "-in", dir.resolve("server.csr").toString(),
                "-CA", dir.resolve("ca.crt").toString(), "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial",
                "-extfile", dir.resolve("san.cnf").toString(), "-out", dir.resolve("server.crt").toString());
    }

    /** A number of the shipped publish budget: {@code plugin_opt_<name>} in deploy/mosquitto/mosquitto.conf. */
    public static double budgetOption(String name) throws IOException {
        String key = "plugin_opt_" + name + " ";
        return Files.readAllLines(DEPLOY.resolve("mosquitto.conf")).stream().filter(line -> line.startsWith(key))
                .map(line -> Double.parseDouble(line.substring(key.length()).strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException("deploy/mosquitto/mosquitto.conf has no " + key.strip()));
    }

    /** Adds device {@code athlete.device} with deploy/mosquitto/add-device.sh. */
    public ShippedMosquitto addDevice(String athlete, String device, String password) throws Exception {
        Scripts.run(Map.of("DEVICE_PASSWORD", password), "bash", DEPLOY.resolve("add-device.sh").toString(), athlete, device, dir.toString());
        return this;
    }

    /** Adds the job's login, tempostream-job. */
    public ShippedMosquitto addJob(String password) throws Exception {
        Scripts.run(Map.of("DEVICE_PASSWORD", password), "bash", DEPLOY.resolve("add-device.sh").toString(), "--job", dir.toString());
        return this;
    }

    /** Adds the job's feedback login, tempostream-feedback. */
    public ShippedMosquitto addFeedback(String password) throws Exception {
        Scripts.run(Map.of("DEVICE_PASSWORD", password), "bash", DEPLOY.resolve("add-device.sh").toString(), "--feedback", dir.toString());
        return this;
    }

    public void start() throws IOException, InterruptedException {
        // The deploy configuration as shipped, with this test's folder, port and no persistence.
        String shipped = Files.readString(DEPLOY.resolve("mosquitto.conf"))
                .replace("/etc/mosquitto/tempostream", dir.toString())
                .replace("/usr/local/lib/tempostream/rate-limit.so", dir.resolve("rate-limit.so").toString())
                .replace("persistence true", "persistence false");
        webSocketPort = LocalPorts.free();
        // Its websockets listener on loopback: an interface name, as Mosquitto 2.0.11 needs (.ci/services.sh).
        broker = new LocalMosquitto(dir, port -> shipped.replace("listener 8883", "listener " + port + " 127.0.0.1")
                .replace("listener 8884", "listener " + webSocketPort + " lo"));
        broker.start();
        broker.awaitListening(webSocketPort);
    }

    /** MQTT over WebSocket with TLS, as {@code listener 8884} ships: wss://127.0.0.1:PORT/mqtt. */
    public int webSocketPort() {
        return webSocketPort;
    }

    public String url() {
        return "ssl://127.0.0.1:" + broker.port();
    }

    public Path caFile() {
        return dir.resolve("ca.crt");
    }

    /** Where a client with this login connects, trusting the test's CA. */
    public MqttEndpoint endpoint(String user, String password) {
        return new MqttEndpoint(url(), user, password, caFile().toString());
    }

    @Override
    public void close() throws InterruptedException {
        if (broker != null) {
            broker.stop();
        }
    }
}
