package io.tempostream.ingest.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts the CA certificates of one PEM file: a gym's own broker usually has a private
 * CA, and importing it into the JVM's trust store on every machine is a step people skip.
 */
final class PemTrust {
    private PemTrust() {
    }

    /** @throws IllegalArgumentException naming MQTT_CA_FILE and the path if the file is unusable */
    static SSLSocketFactory socketFactory(String pemPath) {
        try (InputStream in = Files.newInputStream(Path.of(pemPath))) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("MQTT_CA_FILE " + pemPath + " holds no certificate");
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("MQTT_CA_FILE: no such file: " + pemPath);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("MQTT_CA_FILE " + pemPath + " is not a PEM certificate: " + e.getMessage());
        }
    }
}
