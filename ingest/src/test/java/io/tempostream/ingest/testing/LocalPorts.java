package io.tempostream.ingest.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Supplier;

/** Loopback ports for servers a test starts itself. */
public final class LocalPorts {
    private LocalPorts() {
    }

    /** A port nothing listens on right now. */
    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits up to 20 s for something to listen on {@code port}; fails with {@code diagnostics} (e.g. the server's log). */
    public static void awaitListening(int port, Supplier<String> diagnostics) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on " + port + ": " + diagnostics.get());
    }
}
