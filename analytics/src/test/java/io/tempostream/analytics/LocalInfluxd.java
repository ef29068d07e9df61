package io.tempostream.analytics;

import io.tempostream.ingest.testing.LocalPorts;
import io.tempostream.ingest.testing.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real InfluxDB 1.x of a test's own, on free loopback ports with its data in the test's folder,
 * so the test may turn on authentication or stop and restart it without touching the shared one.
 */
public final class LocalInfluxd implements AutoCloseable {
    private final int httpPort;
    private final ServerProcess server;

    public LocalInfluxd(Path dir, boolean authEnabled) throws IOException {
        this(dir, authEnabled, Map.of());
    }

    /**
     * With {@code environment} on top of the configuration file, as the Debian unit passes
     * /etc/default/influxdb (INFLUXDB_HTTP_AUTH_ENABLED and the like override the file).
     */
    public LocalInfluxd(Path dir, boolean authEnabled, Map<String, String> environment) throws IOException {
        this.httpPort = LocalPorts.free();
        Files.writeString(dir.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  auth-enabled = %s
                  log-enabled = false
                [monitor]
                  store-enabled = false
                """.formatted(LocalPorts.free(), dir, dir, dir, httpPort, authEnabled));
        List<String> command = new ArrayList<>(List.of("env"));
        environment.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(List.of("influxd", "-config", dir.resolve("influxdb.conf").toString()));
        this.server = new ServerProcess(command, dir.resolve("influxd.log"), httpPort, 20);
    }

    public int port() {
        return httpPort;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public void start() throws IOException, InterruptedException {
        server.start();
    }

    public void stop() throws InterruptedException {
        server.stop();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
