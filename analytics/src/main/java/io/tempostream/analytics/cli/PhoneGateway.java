package io.tempostream.analytics.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The demo's door for a phone on the same network: one HTTPS port that serves the phone page
 * (deploy/phone, from the jar) and carries its MQTT over WebSocket through to the embedded broker's
 * loopback WebSocket listener. One origin, so the athlete accepts the self-signed certificate once
 * (a WebSocket to a second port with an untrusted certificate fails without asking). Everything sits
 * under a random path, the link the demo prints: a neighbour on the network who has not seen it gets
 * 404 for the page and for the broker alike.
 */
final class PhoneGateway implements Closeable {
    /** The page's files, by their path under the secret prefix. */
    private static final Map<String, String> FILES = Map.of(
            "", "index.html", "index.html", "index.html", "phone.js", "phone.js", "vendor/mqtt.min.js", "vendor/mqtt.min.js");
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int HEADER_TIMEOUT_MS = 10_000;
    /** A phone needs two connections (the page, then its WebSocket); more than this at once is refused. */
    private static final int MAX_CONNECTIONS = 64;

    private final SSLServerSocket server;
    private final String prefix;
    private final int brokerWebSocketPort;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "phone-gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore open = new Semaphore(MAX_CONNECTIONS);

    private PhoneGateway(SSLServerSocket server, String secret, int brokerWebSocketPort) throws IOException {
        this.server = server;
        this.prefix = "/" + secret + "/";
        this.brokerWebSocketPort = brokerWebSocketPort;
        for (String file : FILES.values()) {
            try (InputStream in = PhoneGateway.class.getResourceAsStream("/phone/" + file)) {
                if (in == null) {
                    throw new IOException("the phone page's " + file + " is not in the build (deploy/phone, analytics/pom.xml)");
                }
                files.put(file, in.readAllBytes());
            }
        }
    }

    /** Listens on {@code port} of every interface (0: any free port). */
    static PhoneGateway start(SSLContext tls, int port, String secret, int brokerWebSocketPort) throws IOException {
        SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
        server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        try {
            server.bind(new InetSocketAddress(port), 50);
        } catch (IOException e) {
            server.close();
            throw new IOException("the phone page cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        PhoneGateway gateway = new PhoneGateway(server, secret, brokerWebSocketPort);
        Thread acceptor = new Thread(gateway::acceptLoop, "phone-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return gateway;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The page's path, secret included: {@code /{secret}/}. */
    String pagePath() {
        return prefix;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (!open.tryAcquire()) {
                    socket.close();
                    continue;
                }
                connections.execute(() -> {
                    try (socket) {
                        serve(socket);
                    } catch (IOException | UncheckedIOException e) {
                        // A phone that went away, a handshake the browser gave up on: nothing to tell.
                    } finally {
                        open.release();
                    }
                });
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        socket.setSoTimeout(HEADER_TIMEOUT_MS);
        // Buffered once, and the same stream piped on: bytes read past the headers are not lost.
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        String head = readHead(in);
        if (head == null) {
            respond(out, 431, "text/plain", "Request header too large.\n".getBytes(StandardCharsets.UTF_8), false);
            return;
        }
        String[] lines = head.split("\r\n");
        String[] request = lines[0].split(" ");
        if (request.length != 3) {
            respond(out, 400, "text/plain", "Bad request.\n".getBytes(StandardCharsets.UTF_8), false);
            return;
        }
        String method = request[0];
        String target = request[1];
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String query = target.substring(path.length());
        boolean upgrade = lines.length > 1 && head.toLowerCase(Locale.ROOT).contains("\r\nupgrade: websocket");
        if (path.equals(prefix + "mqtt") && upgrade && method.equals("GET")) {
            proxyToBroker(socket, in, out, lines);
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            respond(out, 405, "text/plain", "Only GET.\n".getBytes(StandardCharsets.UTF_8), false);
            return;
        }
        if ((path + "/").equals(prefix)) {
            out.write(("HTTP/1.1 302 Found\r\nLocation: " + prefix + query + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return;
        }
        String file = path.startsWith(prefix) ? FILES.get(path.substring(prefix.length())) : null;
        if (file == null) {
            respond(out, 404, "text/plain",
                    "Not found. Open the address the TempoStream demo printed.\n".getBytes(StandardCharsets.UTF_8), method.equals("HEAD"));
            return;
        }
        respond(out, 200, contentType(file), files.get(file), method.equals("HEAD"));
    }

    /** The request line and headers, up to the blank line; null if longer than {@link #MAX_HEADER_BYTES}. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new SocketException("closed before the request's end");
            }
            head.write(b);
            if (head.size() > MAX_HEADER_BYTES) {
                return null;
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    /**
     * Hands the WebSocket to the broker: the same request, its path the broker's, then bytes both
     * ways until either side closes.
     */
    private void proxyToBroker(Socket phone, InputStream fromPhone, OutputStream toPhone, String[] lines) throws IOException {
        try (Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerWebSocketPort)) {
            StringBuilder request = new StringBuilder("GET /mqtt HTTP/1.1\r\n");
            for (int i = 1; i < lines.length; i++) {
                request.append(lines[i]).append("\r\n");
            }
            request.append("\r\n");
            OutputStream toBroker = broker.getOutputStream();
            toBroker.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            toBroker.flush();
            phone.setSoTimeout(0);
            Thread upstream = new Thread(() -> {
                try {
                    fromPhone.transferTo(toBroker);
                } catch (IOException e) {
                    // the phone went away; closing the broker's side below ends the other direction
                } finally {
                    closeQuietly(broker);
                }
            }, "phone-gateway-upstream");
            upstream.setDaemon(true);
            upstream.start();
            try {
                broker.getInputStream().transferTo(toPhone);
            } finally {
                closeQuietly(phone);
            }
        }
    }

    private static void respond(OutputStream out, int status, String type, byte[] body, boolean headOnly) throws IOException {
        String reason = switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Request Header Fields Too Large";
        };
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!headOnly) {
            out.write(body);
        }
        out.flush();
    }

    private static String contentType(String file) {
        return file.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
