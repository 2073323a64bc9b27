package org.sealpost.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.sealpost.bridge.tls.BridgeCertificates;

/**
 * The one fixture of the wire tests: a real bridge on 127.0.0.1, port 0, real TLS with a freshly
 * generated certificate, and a {@link RecordingSink}. A test customises the settings it cares
 * about; everything else is the production default.
 */
final class BridgeFixture implements AutoCloseable {

    static final String FLAG = "X-Sealpost-Encrypt: yes";

    private final Path dataDirectory;
    private final BridgeCertificates certificates;
    private final RecordingSink sink = new RecordingSink();
    private final MailBridge bridge;

    private BridgeFixture(UnaryOperator<BridgeSettings.Builder> customise) throws IOException {
        dataDirectory = Files.createTempDirectory("sealpost-bridge-it");
        certificates = BridgeCertificates.loadOrGenerate(dataDirectory, "localhost");
        BridgeSettings.Builder settings = BridgeSettings.builder()
                .bindAddress("127.0.0.1")
                .port(0)
                .hostName("localhost")
                .certificates(certificates);
        bridge = MailBridge.start(customise.apply(settings).build(), sink);
    }

    static BridgeFixture start() throws IOException {
        return start(UnaryOperator.identity());
    }

    static BridgeFixture start(UnaryOperator<BridgeSettings.Builder> customise) throws IOException {
        return new BridgeFixture(customise);
    }

    int port() {
        return bridge.port();
    }

    MailBridge bridge() {
        return bridge;
    }

    RecordingSink sink() {
        return sink;
    }

    BridgeCertificates certificates() {
        return certificates;
    }

    /** A client TLS context that trusts the bridge's certificate and nothing else. */
    SSLContext clientContext() {
        try {
            return TestCertificates.trusting(certificates.certificate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plaintext connection, greeting read. */
    SmtpDialogue connect() throws IOException {
        return SmtpDialogue.connect(port());
    }

    /** A connection after EHLO, STARTTLS and EHLO again. */
    SmtpDialogue connectSecure() throws IOException {
        return connect().secure(clientContext());
    }

    /** Jakarta Mail settings for mandatory STARTTLS to the bridge, trusting only its certificate. */
    Properties jakartaMailProperties() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port()));
        properties.put("mail.smtp.localhost", "client.example");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.socketFactory", clientContext().getSocketFactory());
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        return properties;
    }

    /** A small well-formed message carrying the encrypt flag, CRLF line endings. */
    static byte[] flaggedMessage(String subject) {
        return ("From: sender@partner.example\r\n"
                        + "To: alice@customer.example\r\n"
                        + "Subject: " + subject + "\r\n"
                        + FLAG + "\r\n"
                        + "\r\n"
                        + "Hello " + subject + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        bridge.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
