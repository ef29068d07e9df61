package io.tempostream.ingest.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Loopback ports for servers a test starts itself. */
public final class LocalPorts {
    private LocalPorts() {
    }

    /** Every port handed out in this test run. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nothing listens on right now, and not handed out before in this run: the system may
     * give a port it just freed again, and two servers a test starts then get the same one (a broker's
     * MQTT and websockets listeners did, and it would not start).
     */
    public static int free() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
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
