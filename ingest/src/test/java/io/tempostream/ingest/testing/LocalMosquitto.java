package io.tempostream.ingest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A real Mosquitto of a test's own, on a free loopback port, so the test may configure it (ACL,
 * TLS, persistence) or stop and restart it without touching the shared broker.
 */
public final class LocalMosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    /** @param config the configuration for a given port; its listener line must use that port */
    public LocalMosquitto(Path dir, IntFunction<String> config) throws IOException {
        this.dir = dir;
        this.port = LocalPorts.free();
        // Started as root, Mosquitto would switch to its own user, which cannot read a test's folder.
        Files.writeString(dir.resolve("mosquitto.conf"), config.apply(port) + "\nuser " + System.getProperty("user.name") + "\n");
    }

    public int port() {
        return port;
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
        LocalPorts.awaitListening(port, this::log);
    }

    /** SIGTERM: Mosquitto saves its sessions and queued messages (with persistence on) before it exits. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
