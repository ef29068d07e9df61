package io.tempostream.dashboards;

import io.tempostream.analytics.LocalInfluxd;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.ingest.testing.Scripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real InfluxDB configured as deploy/debian/install-services.sh configures one: the environment
 * it writes to /etc/default/influxdb (authentication on, HTTP on loopback) and the users
 * influx-users.sh creates, with passwords made for the test. Only the port is the test's own.
 */
final class InstalledInflux implements AutoCloseable {
    static final String DATABASE = "tempostream";
    private static final Path DEBIAN = Path.of("../deploy/debian");

    final Map<String, String> environment = new HashMap<>();
    final String adminPassword = "admin-" + UUID.randomUUID();
    String jobPassword = "job-" + UUID.randomUUID();
    final String grafanaPassword = "grafana-" + UUID.randomUUID();
    private final LocalInfluxd influxd;

    InstalledInflux(Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Scripts.run(Map.of("JOB_PASSWORD", "mqtt-job"), "bash", DEBIAN.resolve("install-services.sh").toString(), "--config-only",
                root.toString());
        for (String line : Files.readAllLines(root.resolve("etc/default/influxdb"))) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                environment.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Map<String, String> started = new HashMap<>(environment);
        // The installer's address is 127.0.0.1:8086, where the shared InfluxDB is: the file's own
        // loopback port instead (ClosedInfluxIT checks the installer's address).
        started.remove("INFLUXDB_HTTP_BIND_ADDRESS");
        Path data = Files.createDirectories(dir.resolve("influxd"));
        // Authentication off in the file: only the installer's environment turns it on.
        influxd = new LocalInfluxd(data, false, started);
        influxd.start();
        createUsers();
    }

    /** influx-users.sh with this fixture's passwords: creates the users, or sets their passwords. */
    void createUsers() throws Exception {
        Scripts.run(Map.of("INFLUX_ADMIN_PASSWORD", adminPassword, "INFLUX_JOB_PASSWORD", jobPassword,
                "INFLUX_GRAFANA_PASSWORD", grafanaPassword), "bash", DEBIAN.resolve("influx-users.sh").toString(), url());
    }

    String url() {
        return influxd.url();
    }

    InfluxOptions as(String user, String password) {
        return new InfluxOptions(url(), DATABASE, user, password, 1_000, 200, 200_000);
    }

    InfluxOptions job() {
        return as("tempostream-job", jobPassword);
    }

    InfluxOptions grafana() {
        return as("grafana", grafanaPassword);
    }

    @Override
    public void close() throws InterruptedException {
        influxd.stop();
    }
}
