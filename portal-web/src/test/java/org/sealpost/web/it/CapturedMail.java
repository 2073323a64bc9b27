package org.sealpost.web.it;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealpost.bridge.BridgeSettings;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.MailBridge;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.tls.BridgeCertificates;

/**
 * The container tests' smarthost: a real SMTP server with mandatory STARTTLS on loopback (the
 * bridge's implementation), whose certificate the portal is told to trust. It keeps what the
 * portal sends, for the tests to read.
 */
final class CapturedMail {

    private static final List<InboundMessage> RECEIVED = new CopyOnWriteArrayList<>();
    private static MailBridge server;
    private static BridgeCertificates certificates;
    private static int port;

    private CapturedMail() {}

    /** Starts the smarthost and returns the system properties that point the portal at it. */
    static synchronized java.util.Map<String, String> start(Path dir) throws Exception {
        BridgeCertificates certs = BridgeCertificates.loadOrGenerate(dir, "localhost");
        certificates = certs;
        listen(0);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("smarthost", certs.certificate());
        Path file = dir.resolve("smarthost-trust.p12");
        try (var out = Files.newOutputStream(file)) {
            trust.store(out, "changeit".toCharArray());
        }
        return java.util.Map.of(
                "sealpost.it.smarthost", "localhost:" + port, "sealpost.it.smarthost.truststore", file.toString());
    }

    private static void listen(int onPort) {
        server = MailBridge.start(
                BridgeSettings.builder()
                        .port(onPort)
                        .hostName("localhost")
                        .acceptUnflagged(true)
                        .internalDomains(Set.of())
                        .certificates(certificates)
                        .build(),
                m -> {
                    RECEIVED.add(m);
                    return SinkVerdict.accepted();
                });
        port = server.port();
    }

    /** The smarthost goes away: connections to its port are refused. */
    static synchronized void stop() {
        server.close();
    }

    /** The smarthost comes back on the same port. */
    static synchronized void restart() {
        listen(port);
    }

    /** Waits for a mail to the address whose text matches, and returns the first match group. */
    static String awaitLink(String recipient, String linkPattern, int after, Duration patience)
            throws InterruptedException {
        Pattern p = Pattern.compile(linkPattern);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> mails = to(recipient);
            for (int i = after; i < mails.size(); i++) {
                Matcher m = p.matcher(mails.get(i));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + recipient + " matching " + linkPattern + " within " + patience
                + "; got " + to(recipient).size() + " mail(s)");
    }

    /**
     * The mails to the address: each as received, followed by its text parts decoded (a
     * notification that names a non-ASCII sender goes out quoted-printable, which breaks a
     * long link across soft line breaks in the raw form).
     */
    static List<String> to(String recipient) {
        return RECEIVED.stream()
                .filter(m -> m.recipients().contains(recipient))
                .map(m -> new String(m.rawMime(), StandardCharsets.UTF_8) + "\n" + decodedText(m.rawMime()))
                .toList();
    }

    private static String decodedText(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            StringBuilder text = new StringBuilder();
            collectText(message, text);
            return text.toString();
        } catch (MessagingException | IOException e) {
            return "";
        }
    }

    private static void collectText(Part part, StringBuilder text) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            text.append(part.getContent()).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectText(multipart.getBodyPart(i), text);
            }
        }
    }

    /**
     * Waits for a mail to the envelope recipient whose text (raw or decoded) contains the marker,
     * and returns it as received, with the TLS it came over.
     */
    static InboundMessage awaitMail(String recipient, String marker, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (InboundMessage m : RECEIVED) {
                if (m.recipients().contains(recipient)
                        && (new String(m.rawMime(), StandardCharsets.UTF_8) + "\n" + decodedText(m.rawMime()))
                                .contains(marker)) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + recipient + " containing " + marker + " within " + patience + "; got "
                + to(recipient).size() + " mail(s)");
    }

    /** The mail as a MIME message, to read its headers. */
    static MimeMessage parsed(InboundMessage mail) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.rawMime()));
    }

    static Optional<String> latestTo(String recipient) {
        List<String> all = to(recipient);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
