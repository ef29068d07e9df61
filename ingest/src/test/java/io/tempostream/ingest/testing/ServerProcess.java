package io.tempostream.ingest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server binary run by a test: started on demand with its output appended to a log,
 * ready once its port listens, stopped with SIGTERM so it can save its state first.
 */
public final class ServerProcess implements AutoCloseable {
    private final List<String> command;
    private final Path log;
    private final int port;
    private final long stopWaitS;
    private Process process;

    public ServerProcess(List<String> command, Path log, int port, long stopWaitS) {
        this.command = List.copyOf(command);
        this.log = log;
        this.port = port;
        this.stopWaitS = stopWaitS;
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LocalPorts.awaitListening(port, this::log);
    }

    /** Waits for another of the server's ports to listen too: {@link #start} waits for the first only. */
    public void awaitListening(int otherPort) throws InterruptedException {
        LocalPorts.awaitListening(otherPort, this::log);
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(stopWaitS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
