package org.sealpost.web.it;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * A real SMTP client (Jakarta Mail) that delivers to the portal's bridge the way a gateway
 * would: STARTTLS required, never plain text.
 */
final class BridgeClient {

    private final Session session;

    BridgeClient(int port) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        // The container test's bridge has a certificate generated at its first start; the
        // bridge's own wire tests check certificate verification.
        p.put("mail.smtp.ssl.trust", "127.0.0.1");
        p.put("mail.smtp.ssl.checkserveridentity", "false");
        p.put("mail.smtp.localhost", "gateway.bank.example");
        p.put("mail.smtp.from", "advisor@bank.example");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        session = Session.getInstance(p);
    }

    static BridgeClient forContainer() {
        return new BridgeClient(Integer.getInteger("sealpost.it.smtp.port"));
    }

    /** Sends raw RFC 5322 bytes, exactly as given, to the envelope recipients; throws on any non-250. */
    void sendRaw(String raw, String... recipients) throws MessagingException {
        Transport.send(verbatim(raw), addresses(recipients));
    }

    /**
     * Sends several raw messages over one SMTP connection (one MAIL transaction each, as a
     * gateway with a queue does), each to the same envelope recipients; throws on any non-250.
     */
    void sendAllRaw(List<String> raws, String... recipients) throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (String raw : raws) {
                transport.sendMessage(verbatim(raw), addresses(recipients));
            }
        }
    }

    private MimeMessage verbatim(String raw) throws MessagingException {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        // A MimeMessage re-serialises headers (adds Date, re-encodes 8-bit text); a gateway
        // relays the bytes it received, so the test writes them verbatim.
        MimeMessage verbatim = new MimeMessage(session, new ByteArrayInputStream(bytes)) {
            @Override
            public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
                os.write(bytes);
            }

            @Override
            protected void updateHeaders() {
                // leave the message as received
            }
        };
        return verbatim;
    }

    private static InternetAddress[] addresses(String... recipients) throws MessagingException {
        InternetAddress[] to = new InternetAddress[recipients.length];
        for (int i = 0; i < recipients.length; i++) {
            to[i] = new InternetAddress(recipients[i]);
        }
        return to;
    }

    static String message(String messageId, String subject, String body, boolean flagged) {
        return "From: Erika Advisor <advisor@bank.example>\r\n"
                + "To: customer@client.example\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + messageId + ">\r\n"
                + (flagged ? "X-Sealpost-Encrypt: yes\r\n" : "")
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body + "\r\n";
    }

}
