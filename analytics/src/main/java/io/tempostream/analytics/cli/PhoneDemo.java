package io.tempostream.analytics.cli;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.job.JobOptions;
import io.tempostream.analytics.job.RepLine;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code tempostream demo --phone}: the phone is the sensor. The embedded broker, the job, and
 * the phone page over HTTPS ({@link PhoneGateway}, with a certificate made for this run); the
 * demo prints the page's address as text and as a QR code, and the certificate's fingerprint, then
 * every rep the job detects, until the time given or Ctrl-C. Reps and the phase under way go back
 * to the page over the athlete's feedback topic.
 */
final class PhoneDemo {
    static final int DEFAULT_PORT = 8443;
    /** The athlete the page is opened as; the person can change it on the page. */
    static final String ATHLETE = "demo";

    /** A DNS name or an IPv4 address: what a certificate's subject alternative name can hold. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    /** The demo's flags that only shape the simulated workout, which --phone does not play. */
    private static final List<String> SIMULATOR_FLAGS = java.util.stream.Stream.concat(
            io.tempostream.simulator.WorkoutOptions.FLAGS.stream(), java.util.stream.Stream.of("speed", "format")).sorted().toList();

    private PhoneDemo() {
    }

    static int run(Flags flags, JobOptions parsed, PrintStream out) throws Exception {
        if (flags.has("mqtt-url")) {
            throw new IllegalArgumentException("--phone needs the demo's own broker (the page's WebSocket goes to it);"
                    + " leave out --mqtt-url, or serve deploy/phone beside your broker (docs/operations.md, \"The phone page\")");
        }
        for (String simulatorOnly : SIMULATOR_FLAGS) {
            if (flags.has(simulatorOnly)) {
                throw new IllegalArgumentException("--phone runs no simulator, so --" + simulatorOnly + " means nothing with it;"
                        + " leave it out");
            }
        }
        flags.get("phone-host").ifPresent(host -> {
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("--phone-host must be this machine's IPv4 address or host name"
                        + " (letters, digits, hyphens and dots), got '" + host + "'");
            }
        });
        int port = flags.getInt("phone-port", DEFAULT_PORT, 0, 65_535);
        double minutes = flags.getDouble("minutes", Double.POSITIVE_INFINITY, 0.1, 24 * 60);
        List<String> hosts = flags.get("phone-host").map(List::of).orElseGet(PhoneDemo::networkAddresses);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("--phone: this machine has no network address a phone could reach;"
                    + " give the one it has with --phone-host");
        }
        Path certificateDir = Files.createTempDirectory("tempostream-phone-");
        PhoneCertificate certificate;
        try {
            certificate = PhoneCertificate.create(certificateDir, hosts);
        } finally {
            Files.deleteIfExists(certificateDir);
        }
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(true);
                PhoneGateway gateway = PhoneGateway.start(certificate.context(), port, secret(), broker.webSocketPort())) {
            JobOptions options = DemoCommand.demoOptions(parsed, MqttEndpoint.of(broker.url()), true);
            String url = "https://" + hosts.get(0) + ":" + gateway.port() + gateway.pagePath() + "?athlete=" + ATHLETE;
            out.printf(Locale.ROOT, "TempoStream demo with a phone as the sensor: MQTT %s (embedded), InfluxDB %s%n",
                    broker.url(), options.influx());
            Thread main = Thread.currentThread();
            Thread stopper = new Thread(() -> {
                main.interrupt(); // Ctrl-C: stop printing, then the job and broker close in order
                try {
                    main.join(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "phone-demo-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                return DemoCommand.withRunningJob(options, DemoCommand.jobFor(options, out, true), detected -> {
                    printInvitation(out, url, hosts, certificate.sha256Fingerprint());
                    return printReps(detected, minutes, out);
                });
            } finally {
                removeHook(stopper);
            }
        }
    }

    private static void printInvitation(PrintStream out, String url, List<String> hosts, String fingerprint) {
        out.println();
        out.println("On a phone on this network, open:");
        out.println();
        out.println("  " + url);
        out.println();
        out.print(TerminalQr.draw(url));
        out.println();
        out.println("The page's certificate is made for this run, so the phone will warn that it is not trusted.");
        out.println("Before accepting it, check that the browser shows this SHA-256 fingerprint:");
        out.println("  " + fingerprint);
        if (hosts.size() > 1) {
            out.println("Not reachable? This machine also has " + String.join(", ", hosts.subList(1, hosts.size()))
                    + "; choose one with --phone-host.");
        }
        out.println("Then pick the exercise, strap the phone on (wrist or upper back), press Start and train.");
        out.println("Reps appear here and on the phone. Ctrl-C stops.");
        out.println();
    }

    /** Prints each rep as it is detected, until {@code minutes} are up or the thread is interrupted. */
    private static int printReps(BlockingQueue<Rep> detected, double minutes, PrintStream out) {
        long endNs = Double.isInfinite(minutes) ? Long.MAX_VALUE : System.nanoTime() + (long) (minutes * 60e9);
        int seen = 0;
        try {
            while (System.nanoTime() < endNs) {
                Rep rep = detected.poll(200, TimeUnit.MILLISECONDS);
                if (rep != null) {
                    seen++;
                    out.println(RepLine.format(rep));
                }
            }
        } catch (InterruptedException e) {
            // Ctrl-C, or the caller stopping the demo: a normal end
        }
        out.printf(Locale.ROOT, "Stopped; %d rep(s) detected.%n", seen);
        return 0;
    }

    /** 128 random bits, URL-safe: the page's folder, which only those shown the address know. */
    private static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** This machine's IPv4 addresses on interfaces that are up, not loopback; private networks first. */
    static List<String> networkAddresses() {
        List<String> privateOnes = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        (address.isSiteLocalAddress() ? privateOnes : others).add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        privateOnes.addAll(others);
        return privateOnes;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running
        }
    }
}
