package io.tempostream.analytics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for the demo's phone page: a phone gives motion sensors only to a page
 * from a secure origin, and a demo on a laptop has no certificate a phone trusts. Made afresh each
 * run by the JDK's own keytool (no library writes X.509 in the JDK's public API), valid for the
 * addresses the page is offered on. The athlete accepts it once in the browser, after checking the
 * SHA-256 fingerprint the demo prints against the one the browser shows.
 */
final class PhoneCertificate {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ALIAS = "tempostream-demo";
    private static final int VALID_DAYS = 30;

    private final SSLContext context;
    private final X509Certificate certificate;

    private PhoneCertificate(SSLContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    /** A new key and certificate in {@code dir}, naming {@code hosts} (IPv4 addresses or DNS names). */
    static PhoneCertificate create(Path dir, List<String> hosts) throws IOException {
        Path store = dir.resolve("phone-demo.p12");
        char[] password = randomPassword();
        List<String> san = new ArrayList<>(List.of("dns:localhost", "ip:127.0.0.1"));
        for (String host : hosts) {
            String entry = (IPV4.matcher(host).matches() ? "ip:" : "dns:") + host;
            if (!san.contains(entry)) {
                san.add(entry);
            }
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=TempoStream demo", "-ext", "SAN=" + String.join(",", san), "-ext", "EKU=serverAuth",
                "-validity", String.valueOf(VALID_DAYS), "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("could not make the phone page's certificate with " + keytool + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the phone page's certificate", e);
        }
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return new PhoneCertificate(context, (X509Certificate) keys.getCertificate(ALIAS));
        } catch (GeneralSecurityException e) {
            throw new IOException("could not read the phone page's certificate: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(store); // the key lives on in memory only
        }
    }

    SSLContext context() {
        return context;
    }

    /** SHA-256 of the certificate as browsers show it: 32 upper-case hex pairs joined by colons. */
    String sha256Fingerprint() {
        return fingerprint(certificate);
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT).toCharArray();
    }
}
