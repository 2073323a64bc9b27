package org.sealpost.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sealpost.bridge.BridgeSettings;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.MailBridge;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.tls.BridgeCertificates;

/**
 * Development mode's smarthost: an SMTP server on loopback with mandatory STARTTLS (the
 * bridge's own implementation, so the portal's outbound path, TLS and certificate check
 * included, is exactly what production exercises) that writes each mail it receives as an
 * {@code .eml} file under {@code <data>/dev-mailbox/}.
 *
 * <p>{@code ./sealpost mailbox stop} creates {@code dev-mailbox/STOPPED}; while it exists the
 * server is closed (connections refused), so a developer can watch notifications wait in the
 * queue and go out once {@code ./sealpost mailbox start} removes it.
 */
final class DevMailbox implements AutoCloseable {

    static final String TRUSTSTORE_PASSWORD = "dev-mailbox";

    private final Path directory;
    private final int port;
    private final BridgeCertificates certificates;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dev-mailbox-watch");
        t.setDaemon(true);
        return t;
    });
    private MailBridge server;

    private DevMailbox(Path directory, int port, BridgeCertificates certificates) {
        this.directory = directory;
        this.port = port;
        this.certificates = certificates;
    }

    static DevMailbox start(Path dataDir, int port) throws IOException {
        Path dir = dataDir.resolve("dev-mailbox");
        Files.createDirectories(dir.resolve("mail"));
        BridgeCertificates certs = BridgeCertificates.loadOrGenerate(dir, "localhost");
        writeTrustStore(certs, dir.resolve("truststore.p12"));
        DevMailbox mailbox = new DevMailbox(dir, port, certs);
        mailbox.reconcile();
        mailbox.watcher.scheduleWithFixedDelay(mailbox::reconcile, 1, 1, TimeUnit.SECONDS);
        return mailbox;
    }

    /** The trust store the portal's outbound delivery uses in dev mode: this server's certificate only. */
    Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    int port() {
        return port;
    }

    private synchronized void reconcile() {
        boolean stopped = Files.exists(directory.resolve("STOPPED"));
        if (stopped && server != null) {
            server.close();
            server = null;
            System.out.println("sealpost: development mailbox stopped (dev-mailbox/STOPPED exists)");
        } else if (!stopped && server == null) {
            server = MailBridge.start(
                    BridgeSettings.builder()
                            .bindAddress("127.0.0.1")
                            .port(port)
                            .hostName("localhost")
                            .acceptUnflagged(true)
                            .internalDomains(Set.of())
                            .maxConnections(10)
                            .certificates(certificates)
                            .build(),
                    this::deliver);
            System.out.println(
                    "sealpost: development mailbox on 127.0.0.1:" + port + ", mail in " + directory.resolve("mail"));
        }
    }

    /** Written to a temporary name, then moved, so a reader never sees half a message. */
    private SinkVerdict deliver(InboundMessage message) {
        String name = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now()) + "-" + HexFormat.of().formatHex(randomBytes(4)) + ".eml";
        Path target = directory.resolve("mail").resolve(name);
        Path temporary = directory.resolve("mail").resolve("." + name + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(("X-Dev-Mailbox-Envelope-To: " + String.join(", ", message.recipients()) + "\r\n").getBytes());
            out.write(message.rawMime());
        } catch (IOException e) {
            return SinkVerdict.temporaryFailure("development mailbox cannot write " + temporary);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SinkVerdict.accepted();
    }

    private static void writeTrustStore(BridgeCertificates certs, Path file) throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("dev-mailbox", certs.certificate());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                trust.store(out, TRUSTSTORE_PASSWORD.toCharArray());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot write the development mailbox trust store " + file, e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Override
    public synchronized void close() {
        watcher.shutdownNow();
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
