package io.tempostream.ingest.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A real Mosquitto of a test's own, on a free loopback port, so the test may configure it (ACL,
 * TLS, persistence) or stop and restart it without touching the shared broker.
 */
public final class LocalMosquitto implements AutoCloseable {
    private final int port;
    private final ServerProcess server;

    /** @param config the configuration for a given port; its listener line must use that port */
    public LocalMosquitto(Path dir, IntFunction<String> config) throws IOException {
        this.port = LocalPorts.free();
        // Started as root, Mosquitto would switch to its own user, which cannot read a test's folder.
        Files.writeString(dir.resolve("mosquitto.conf"), config.apply(port) + "\nuser " + System.getProperty("user.name") + "\n");
        this.server = new ServerProcess(List.of("mosquitto", "-c", dir.resolve("mosquitto.conf").toString()),
                dir.resolve("mosquitto.log"), port, 10);
    }

    /**
     * A broker that keeps sessions and queued messages across a restart, as the shipped one does
     * (persistence on, in {@code dir}), anonymous, on loopback; {@code more} is added to its
     * configuration (another listener, say).
     */
    public static LocalMosquitto persistent(Path dir, String more) throws IOException {
        // Global settings first: Mosquitto 2.0.11 ties some settings to the listener line above them.
        return new LocalMosquitto(dir, port -> """
                allow_anonymous true
                persistence true
                persistence_location %s/
                max_queued_messages 100000
                listener %d 127.0.0.1
                %s
                """.formatted(dir, port, more));
    }

    public int port() {
        return port;
    }

    public void start() throws IOException, InterruptedException {
        server.start();
    }

    /**
     * Waits for another listener of the configuration (a websockets one) to listen too: Mosquitto
     * opens its listeners one after another, {@link #start} waits for the first, and a test that
     * connected over WebSocket at once was now and then refused (a fresh-clone CI run, 2026-12-06).
     */
    public void awaitListening(int otherPort) throws InterruptedException {
        server.awaitListening(otherPort);
    }

    /** SIGTERM: Mosquitto saves its sessions and queued messages (with persistence on) before it exits. */
    public void stop() throws InterruptedException {
        server.stop();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
