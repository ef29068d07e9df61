package io.tempostream.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.testing.LocalMosquitto;
import io.tempostream.ingest.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The full stack's files (deploy/): the compose file parses, names every service and mounts only
 * files that exist (the job jar too: this runs after packaging); its Mosquitto configuration and
 * the Debian script's, run by a real Mosquitto, take the job's login and refuse anonymous clients.
 * Docker itself is not on this machine; what the images do with these files is not tested here.
 */
class DeployFilesIT {
    private static final Path DEPLOY = Path.of("../deploy");

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(DEPLOY.resolve("compose.yaml")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileParsesAndEveryFileItMountsExists() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertEquals(Set.of("mosquitto", "influxdb", "grafana", "jobmanager", "taskmanager", "job"), services.keySet());
        int mounts = 0;
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Object volumes = ((Map<String, Object>) service.getValue()).get("volumes");
            for (Object volume : volumes == null ? List.of() : (List<Object>) volumes) {
                String source = volume.toString().split(":")[0];
                if (!source.startsWith(".")) {
                    continue; // a named volume
                }
                assertTrue(Files.exists(DEPLOY.resolve(source)), service.getKey() + " mounts " + source + ", which is missing");
                mounts++;
            }
        }
        assertEquals(7, mounts, "bind mounts checked: broker config, passwords and ACL; Grafana's two; the job jar and athletes");
    }

    /**
     * Issue 23: InfluxDB in the stack takes logins only and is published on loopback only; every
     * password comes from the environment, required (compose refuses to start without it); Grafana
     * has no default admin password and no anonymous access, and its datasource logs in as the
     * read-only user the InfluxDB image creates.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theComposeStackHasNoDefaultPasswordsAndKeepsInfluxDbOnLoopback() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> influx = (Map<String, Object>) services.get("influxdb");
        Map<String, Object> influxEnv = (Map<String, Object>) influx.get("environment");
        Map<String, Object> grafanaEnv = (Map<String, Object>) ((Map<String, Object>) services.get("grafana")).get("environment");
        Map<String, Object> jobEnv = (Map<String, Object>) ((Map<String, Object>) services.get("job")).get("environment");
        for (Object port : (List<Object>) influx.get("ports")) {
            assertTrue(port.toString().startsWith("127.0.0.1:"), "InfluxDB published wider than loopback: " + port);
        }
        assertEquals("true", influxEnv.get("INFLUXDB_HTTP_AUTH_ENABLED"));
        assertEquals("false", grafanaEnv.get("GF_AUTH_ANONYMOUS_ENABLED"));
        for (Object password : List.of(influxEnv.get("INFLUXDB_ADMIN_PASSWORD"), influxEnv.get("INFLUXDB_WRITE_USER_PASSWORD"),
                influxEnv.get("INFLUXDB_READ_USER_PASSWORD"), grafanaEnv.get("GF_SECURITY_ADMIN_PASSWORD"),
                grafanaEnv.get("INFLUX_READ_PASSWORD"), jobEnv.get("INFLUX_PASSWORD"))) {
            assertTrue(String.valueOf(password).matches("\\$\\{[A-Z_]+:\\?.*}"), "a password not required from the environment: " + password);
        }
        assertEquals(influxEnv.get("INFLUXDB_WRITE_USER"), jobEnv.get("INFLUX_USERNAME"), "the job writes as the writing user");
        assertEquals(influxEnv.get("INFLUXDB_READ_USER"), grafanaEnv.get("INFLUX_READ_USER"), "Grafana reads as the reading user");
        assertEquals(influxEnv.get("INFLUXDB_READ_USER_PASSWORD"), grafanaEnv.get("INFLUX_READ_PASSWORD"));
        Map<String, Object> source = ((List<Map<String, Object>>) Dashboards.yaml(Dashboards.DATASOURCES).get("datasources")).get(0);
        assertEquals("$INFLUX_READ_USER", source.get("user"));
        assertEquals("$INFLUX_READ_PASSWORD", ((Map<String, Object>) source.get("secureJsonData")).get("password"));
    }

    /** Grafana finds InfluxDB under the compose service's name and the dashboards where its provider looks. */
    @Test
    @SuppressWarnings("unchecked")
    void grafanasProvisioningMatchesTheStack() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertTrue(services.containsKey("influxdb"));
        List<Map<String, Object>> sources = (List<Map<String, Object>>) Dashboards.yaml(Dashboards.DATASOURCES).get("datasources");
        assertEquals("http://influxdb:8086", sources.get(0).get("url"));
        List<Map<String, Object>> providers = (List<Map<String, Object>>) Dashboards.yaml(Dashboards.PROVIDERS).get("providers");
        String path = (String) ((Map<String, Object>) providers.get(0).get("options")).get("path");
        List<Object> grafanaVolumes = (List<Object>) ((Map<String, Object>) services.get("grafana")).get("volumes");
        assertTrue(grafanaVolumes.contains("../dashboards/grafana:" + path + ":ro"), "dashboards mounted at " + path);
        assertTrue(grafanaVolumes.contains("../dashboards/provisioning:/etc/grafana/provisioning:ro"));
    }

    @Test
    void theComposeBrokerTakesTheJobAndTheSimulatorAndRefusesStrangers() throws Exception {
        Path compose = DEPLOY.resolve("compose").toAbsolutePath();
        String config = Files.readString(compose.resolve("mosquitto.conf"))
                .replace("/mosquitto/config/passwords", compose.resolve("passwords").toString())
                .replace("/mosquitto/config/acl", compose.resolve("acl").toString())
                .replace("/mosquitto/data/", dir.toString() + "/");
        try (LocalMosquitto broker = new LocalMosquitto(dir, port -> config.replace("listener 1883", "listener " + port + " 127.0.0.1"))) {
            broker.start();
            String url = "tcp://127.0.0.1:" + broker.port();
            connect(url, "tempostream-job", "job-demo-password");
            connect(url, "tempostream-feedback", "feedback-demo-password");
            connect(url, "simulator", "simulator-demo-password");
            MqttException refused = assertThrows(MqttException.class, () -> connect(url, null, null));
            assertTrue(refused.getReasonCode() != 0, "anonymous refused");
            assertThrows(MqttException.class, () -> connect(url, "tempostream-job", "wrong"));
        }
    }

    @Test
    void theDebianScriptsBrokerTakesTheJobsLoginsOnly() throws Exception {
        assertEquals(2, new ProcessBuilder("bash", DEPLOY.resolve("debian/install-services.sh").toString(), "--config-only",
                dir.toString()).start().waitFor(), "without JOB_PASSWORD it refuses");
        installDebian(Map.of("FEEDBACK_PASSWORD", "s3cret-feedback"));
        String config = Files.readString(dir.resolve("etc/mosquitto/conf.d/tempostream.conf"));
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        try (LocalMosquitto broker = new LocalMosquitto(brokerDir, port -> config.replace("listener 1883", "listener " + port + " 127.0.0.1"))) {
            broker.start();
            String url = "tcp://127.0.0.1:" + broker.port();
            connect(url, "tempostream-job", "s3cret-job");
            connect(url, "tempostream-feedback", "s3cret-feedback");
            assertThrows(MqttException.class, () -> connect(url, null, null));
            String rate = budgetLines().stream().filter(line -> line.startsWith("plugin_opt_bytes_per_second ")).findFirst()
                    .orElseThrow().split(" ")[1];
            assertTrue(Files.readString(brokerDir.resolve("mosquitto.log")).contains("tempostream rate limit: " + rate + " bytes/s per login"),
                    "the installer built the publish budget and the broker loaded it");
        }
    }

    /**
     * Issue 21: with --websockets-tls the installer's broker also takes MQTT over WebSocket with
     * TLS, the phone page's way in, with the same logins (and the ACL of the same file); a login
     * there is its client id as on 1883, and a certificate that is not PEM is refused up front.
     */
    @Test
    void theDebianScriptsBrokerTakesThePhonesWebSocketsWithTlsAndTheSameLogins() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("san.cnf"), "[req]\ndistinguished_name=dn\n[dn]\n[ext]\nsubjectAltName=IP:127.0.0.1\n");
        Scripts.run(Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-config", certs.resolve("san.cnf").toString(), "-extensions", "ext",
                "-keyout", certs.resolve("ws.key").toString(), "-out", certs.resolve("ws.crt").toString());
        ProcessBuilder notPem = new ProcessBuilder("bash", DEPLOY.resolve("debian/install-services.sh").toString(), "--config-only",
                dir.toString(), "--websockets-tls", certs.resolve("san.cnf").toString(), certs.resolve("ws.key").toString());
        notPem.environment().put("JOB_PASSWORD", "s3cret-job");
        assertEquals(2, notPem.start().waitFor(), "a certificate that is not PEM is refused");
        Scripts.run(Map.of("JOB_PASSWORD", "s3cret-job", "FEEDBACK_PASSWORD", "s3cret-feedback"), "bash",
                DEPLOY.resolve("debian/install-services.sh").toString(), "--config-only", dir.toString(),
                "--websockets-tls", certs.resolve("ws.crt").toString(), certs.resolve("ws.key").toString());
        Path conf = dir.resolve("etc/mosquitto/tempostream");
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(conf.resolve("websockets.key")), "the key is the broker's only");
        String config = Files.readString(dir.resolve("etc/mosquitto/conf.d/tempostream.conf"));
        int webSocketPort = io.tempostream.ingest.testing.LocalPorts.free();
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        try (LocalMosquitto broker = new LocalMosquitto(brokerDir, port -> config.replace("listener 1883", "listener " + port + " 127.0.0.1")
                .replace("listener 8884", "listener " + webSocketPort + " lo"))) {
            broker.start();
            broker.awaitListening(webSocketPort);
            String wss = "wss://127.0.0.1:" + webSocketPort + "/mqtt";
            String ca = certs.resolve("ws.crt").toString();
            connectOver(new io.tempostream.ingest.mqtt.MqttEndpoint(wss, "tempostream-feedback", "s3cret-feedback", ca));
            MqttException refused = assertThrows(MqttException.class,
                    () -> connectOver(new io.tempostream.ingest.mqtt.MqttEndpoint(wss, "tempostream-feedback", "wrong", ca)));
            assertTrue(refused.getReasonCode() != 0, "a wrong password over WebSocket is refused");
            assertThrows(MqttException.class, () -> connectOver(new io.tempostream.ingest.mqtt.MqttEndpoint(wss, "", "", ca)),
                    "anonymous over WebSocket is refused");
        }
        List<String> lines = config.lines().map(String::strip).toList();
        assertTrue(lines.lastIndexOf("use_username_as_clientid true") > lines.indexOf("listener 8884"),
                "the WebSocket listener's logins are its client ids too");
    }

    /** Connects and disconnects as {@code endpoint} (its CA trusted). */
    private static void connectOver(io.tempostream.ingest.mqtt.MqttEndpoint endpoint) throws MqttException {
        MqttClient client = new MqttClient(endpoint.serverUri(), "deploy-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            MqttConnectionOptions options = endpoint.connectionOptions();
            options.setConnectionTimeout(5);
            options.setAutomaticReconnect(false);
            client.connect(options);
            client.disconnect();
        } finally {
            client.close();
        }
    }

    /**
     * The settings that close issue 19's broker-side attacks (tested on deploy/mosquitto by
     * BrokerAccessControlIT) are in every broker configuration the project ships; the publish
     * budget in those for devices on a network.
     */
    @Test
    void everyShippedBrokerConfigurationClosesTheDeviceLoginAttacks() throws Exception {
        installDebian(Map.of());
        Map<String, String> configs = Map.of(
                "deploy/mosquitto/mosquitto.conf", Files.readString(DEPLOY.resolve("mosquitto/mosquitto.conf")),
                "deploy/compose/mosquitto.conf", Files.readString(DEPLOY.resolve("compose/mosquitto.conf")),
                "deploy/debian/install-services.sh", Files.readString(dir.resolve("etc/mosquitto/conf.d/tempostream.conf")));
        for (Map.Entry<String, String> config : configs.entrySet()) {
            List<String> lines = config.getValue().lines().map(String::strip).toList();
            for (String setting : List.of("use_username_as_clientid true", "max_packet_size 532480", "retain_available false",
                    "allow_anonymous false")) {
                assertTrue(lines.contains(setting), config.getKey() + " lacks '" + setting + "'");
            }
            if (!config.getKey().startsWith("deploy/compose")) { // its image has no compiler (docs/operations.md)
                assertTrue(lines.containsAll(budgetLines()) && lines.stream().anyMatch(
                        line -> line.matches("plugin /\\S+/rate-limit\\.so")), config.getKey() + " lacks the publish budget");
            }
            // Listener settings before the first listener open a second, default listener on 1883.
            assertTrue(lines.indexOf("use_username_as_clientid true") > indexOfListener(lines), config.getKey()
                    + ": use_username_as_clientid must follow the listener line");
        }
    }

    /**
     * Issue 23: the Debian installer generates InfluxDB's three passwords (none is in the repo),
     * keeps them where only root reads them, and keeps them when run again (the admin's must go on
     * matching the server's); one given in the environment is taken instead.
     */
    @Test
    void theDebianInstallerGeneratesInfluxPasswordsKeepsThemRootOnlyAndAgainWhenRunAgain() throws Exception {
        Map<String, String> first = installedInfluxPasswords(Map.of());
        assertEquals(3, new java.util.HashSet<>(first.values()).size(), "three different passwords: " + first.keySet());
        first.values().forEach(password -> assertTrue(password.matches("[A-Za-z0-9]{20,}"), "generated: " + password));
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"),
                Files.getPosixFilePermissions(dir.resolve("etc/tempostream")));
        for (String file : first.keySet()) {
            assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(dir.resolve("etc/tempostream").resolve(file)), file);
        }
        assertEquals(first, installedInfluxPasswords(Map.of()), "run again: the same passwords");
        Map<String, String> given = installedInfluxPasswords(Map.of("INFLUX_JOB_PASSWORD", "from-the-environment"));
        assertEquals("from-the-environment", given.get("influx-job.env"));
        assertEquals(first.get("influx-admin.env"), given.get("influx-admin.env"));
    }

    /** The shipped publish budget's option lines (deploy/mosquitto/mosquitto.conf). */
    private static List<String> budgetLines() throws java.io.IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("mosquitto/mosquitto.conf")).stream()
                .filter(line -> line.startsWith("plugin_opt_")).toList();
        assertEquals(3, lines.size(), "bytes_per_second, burst_bytes and unbudgeted_login: " + lines);
        return lines;
    }

    /** Runs the Debian installer, configuration only, into the test's folder, with the job's MQTT password and {@code env}. */
    private void installDebian(Map<String, String> env) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("JOB_PASSWORD", "s3cret-job");
        Scripts.run(all, "bash", DEPLOY.resolve("debian/install-services.sh").toString(), "--config-only", dir.toString());
    }

    /** {@link #installDebian}, then its password files' passwords. */
    private Map<String, String> installedInfluxPasswords(Map<String, String> env) throws Exception {
        installDebian(env);
        Map<String, String> passwords = new java.util.TreeMap<>();
        for (String file : List.of("influx-admin.env", "influx-job.env", "influx-grafana.env")) {
            for (String line : Files.readAllLines(dir.resolve("etc/tempostream").resolve(file))) {
                if (line.matches("INFLUX_(READ_)?PASSWORD=.*")) {
                    passwords.put(file, line.substring(line.indexOf('=') + 1));
                }
            }
        }
        return passwords;
    }

    private static int indexOfListener(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("listener ")) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static void connect(String url, String user, String password) throws MqttException {
        MqttClient client = new MqttClient(url, "deploy-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            if (user != null) {
                options.setUserName(user);
                options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            options.setConnectionTimeout(5);
            client.connect(options);
            client.disconnect();
        } finally {
            client.close();
        }
    }
}
