package org.huitong.subscriptions.delivery.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool: a PKCS12 key store for
 * the test server and a PKCS12 trust store with only its certificate for the hub.
 */
final class TestCertificates {

    static final String PASSWORD = "webhook-test";

    final Path keyStore;
    final Path trustStore;

    private TestCertificates(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    static TestCertificates create() {
        try {
            Path directory = Files.createTempDirectory("webhook-tls-");
            Path keyStore = directory.resolve("server.p12");
            Path certificate = directory.resolve("server.crt");
            Path trustStore = directory.resolve("trust.p12");
            keytool("-genkeypair", "-alias", "webhook", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-exportcert", "-alias", "webhook", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-rfc", "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "webhook", "-file", certificate.toString(),
                    "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            return new TestCertificates(keyStore, trustStore);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the test certificate", e);
        }
    }

    /** Returns a server context that presents the certificate. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }
}
