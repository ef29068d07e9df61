package io.tempostream.analytics.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between a phone and the broker, as a TCP relay on loopback that a test can cut: while
 * cut, every connection through it is closed and new ones are closed as they come, as a phone that
 * walked out of the Wi-Fi sees it; then it carries traffic again.
 */
final class CuttableLink implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    CuttableLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cuttable-link");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Drops every connection and refuses new ones for {@code ms}. */
    void cutFor(long ms) throws InterruptedException {
        cut = true;
        for (Socket socket : open) {
            close(socket);
        }
        Thread.sleep(ms);
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket phone = server.accept();
                if (cut) {
                    close(phone);
                    continue;
                }
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(phone);
                open.add(broker);
                pipe(phone, broker);
                pipe(broker, phone);
            } catch (IOException e) {
                // closed, or the broker refused: the phone sees its connection go
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        }, "cuttable-link-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            close(socket);
        }
    }
}
