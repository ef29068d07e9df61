package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tempostream.analytics.feedback.PhoneInBrowser;
import io.tempostream.ingest.testing.LocalPorts;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * `tempostream demo --phone` as a person with a phone would use it, on a machine with nothing
 * else installed (no InfluxDB, no Mosquitto): the launcher's process prints the page's address and
 * the certificate's fingerprint; headless Chromium, trusting only the certificate with that
 * fingerprint, opens the address and feels a set of 8 rows from the upper back through its
 * emulated sensors; the page and the demo's console both count 8, and the demo stops cleanly on
 * SIGTERM as on Ctrl-C.
 */
class PhoneDemoIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern ADDRESS = Pattern.compile("  (https://127\\.0\\.0\\.1:(\\d+)(/[A-Za-z0-9_-]{22}/)\\?athlete=demo)\n");
    private static final Pattern FINGERPRINT = Pattern.compile("\n  ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\n");

    @Test
    void aPhoneOpensThePrintedAddressStreamsASetAndSeesEveryRepCounted() throws Exception {
        PhoneInBrowser.requireBrowser();
        Path log = Files.createTempFile("tempostream-phone-demo", ".log");
        Process demo = new ProcessBuilder(PROJECT.resolve("tempostream").toString(), "demo", "--phone",
                "--phone-port", "0", "--phone-host", "127.0.0.1", "--minutes", "6",
                "--influx-url", "http://127.0.0.1:" + LocalPorts.free())
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String started = awaitOutput(log, "Ctrl-C stops.", 180);
            Matcher address = ADDRESS.matcher(started);
            assertTrue(address.find(), "the page's address is printed:\n" + started);
            Matcher fingerprint = FINGERPRINT.matcher(started);
            assertTrue(fingerprint.find(), "the certificate's fingerprint is printed:\n" + started);
            int port = Integer.parseInt(address.group(2));
            String secret = address.group(3);

            // The page is served with the certificate whose fingerprint the demo printed.
            X509Certificate served = servedCertificate(port);
            assertEquals(fingerprint.group(1), PhoneCertificate.fingerprint(served), "the fingerprint of the certificate served");
            // Without the address's secret folder, neither the page nor the broker answers.
            assertEquals("HTTP/1.1 404 Not Found", firstLine(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
            assertEquals("HTTP/1.1 404 Not Found", firstLine(port, upgrade("/mqtt")));
            assertEquals("HTTP/1.1 404 Not Found", firstLine(port, upgrade("/AAAAAAAAAAAAAAAAAAAAAA/mqtt")));
            assertEquals("HTTP/1.1 101 Switching Protocols", firstLine(port, upgrade(secret + "mqtt")), "with it, the broker");

            Path samples = PhoneInBrowser.rowsFromTheBack("demo", 5);
            String spki = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(served.getPublicKey().getEncoded()));
            JsonNode result = PhoneInBrowser.run("phone-demo", "--url", address.group(1) + "&placement=back&exercise=dumbbell-row",
                    "--samples", samples.toString(), "--spki", spki, "--expect-reps", "8", "--timeout-s", "60", "--speak", "1",
                    // Prescribed 2 s down for a set lowered in 3: the high tone says the target is reached.
                    "--tempo", "3-1-2-0");
            assertEquals("connected", result.path("status").path("state").asText(), "the page's connection: " + result);
            assertEquals(8, result.path("count").asInt(), "reps counted on the phone: " + result);
            assertFalse(result.path("phases").isEmpty(), "the phone showed the phase under way: " + result);
            assertEquals(4, result.path("bars").size(), "the last rep's four phases: " + result);
            assertTrue(result.path("consoleErrors").isEmpty(), "no errors in the page's console: " + result.path("consoleErrors"));
            assertCued(result.path("cues"));
            String counted = awaitOutput(log, "demo/phone  set 1 rep  8", 30);
            for (int rep = 1; rep <= 8; rep++) {
                assertTrue(counted.contains("demo/phone  set 1 rep  " + rep + "  concentric"), "rep " + rep + " on the console:\n" + counted);
            }
        } finally {
            demo.destroy(); // SIGTERM: the shutdown hook stops it as Ctrl-C does
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo stopped on SIGTERM:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(output.contains("Stopped; 8 rep(s) detected."), output);
        assertEquals(1, count(output, "InfluxDB not reachable"), output);
        assertFalse(ConsoleOutput.hasStackTrace(output), "no stack trace:\n" + output);
        Files.delete(log);
    }

    /**
     * With "speak" ticked the page says each count once, in order, and beeps through the eccentric
     * only: a low tone at each whole second, a high one once the prescribed 2 s are reached.
     */
    private static void assertCued(JsonNode cues) {
        List<String> said = new java.util.ArrayList<>();
        int low = 0;
        int high = 0;
        for (JsonNode cue : cues) {
            if (cue.has("say")) {
                said.add(cue.path("say").asText());
            } else {
                assertTrue(cue.path("phase").asText().startsWith("eccentric"), "a tone in the eccentric only: " + cues);
                double seconds = Double.parseDouble(cue.path("phase").asText().replaceAll("[^0-9.]", ""));
                if (cue.path("tone").asInt() == 880) {
                    high++;
                    assertTrue(seconds >= 2.0, "the high tone once 2 s are reached: " + cues);
                } else {
                    low++;
                    assertTrue(seconds >= 1.0 && seconds < 2.0, "a low tone at a whole second under 2: " + cues);
                }
            }
        }
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), said, "the count, spoken: " + cues);
        assertTrue(low >= 8, "at least a low tone in each rep's eccentric: " + cues);
        assertTrue(high >= 8, "each rep's prescribed eccentric reached and cued: " + cues);
    }

    private static String awaitOutput(Path log, String text, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String output = "";
        while (System.nanoTime() < end) {
            output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains(text)) {
                return output;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the demo did not print '" + text + "' within " + seconds + " s:\n" + output);
    }

    /** A raw WebSocket upgrade request for {@code path}, as a browser sends it. */
    private static String upgrade(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n";
    }

    /** The status line the gateway answers {@code request} with. */
    private static String firstLine(int port, String request) throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingAnything().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString();
        }
    }

    private static X509Certificate servedCertificate(int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingAnything().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** The test looks at the certificate itself (its fingerprint), so the handshake takes any. */
    private static SSLContext trustingAnything() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
