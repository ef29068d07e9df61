package io.tempostream.analytics;

import io.tempostream.ingest.testing.LocalPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real InfluxDB 1.x of a test's own, on free loopback ports with its data in the test's folder,
 * so the test may turn on authentication or stop and restart it without touching the shared one.
 */
public final class LocalInfluxd implements AutoCloseable {
    private final Path dir;
    private final int httpPort;
    private Process process;

    public LocalInfluxd(Path dir, boolean authEnabled) throws IOException {
        this.dir = dir;
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
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("influxd", "-config", dir.resolve("influxdb.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log").toFile()))
                .start();
        LocalPorts.awaitListening(httpPort, this::log);
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("influxd.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
