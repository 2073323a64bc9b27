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

    /**
     * The SHA-256 fingerprint of the certificate the bridge presents to a new connection, as
     * {@code openssl s_client -starttls smtp} would show it (the test trusts any certificate:
     * it only looks at which one it got).
     */
    String presentedFingerprint() throws Exception {
        int port = Integer.parseInt(session.getProperty("mail.smtp.port"));
        try (java.net.Socket plain = new java.net.Socket("127.0.0.1", port)) {
            plain.setSoTimeout(10_000);
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(plain.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            java.io.Writer out =
                    new java.io.OutputStreamWriter(plain.getOutputStream(), java.nio.charset.StandardCharsets.US_ASCII);
            readReply(in);
            out.write("EHLO probe.bank.example\r\n");
            out.flush();
            readReply(in);
            out.write("STARTTLS\r\n");
            out.flush();
            readReply(in);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(
                    null,
                    new javax.net.ssl.TrustManager[] {
                        new javax.net.ssl.X509TrustManager() {
                            @Override
                            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {}

                            @Override
                            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {}

                            @Override
                            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                                return new java.security.cert.X509Certificate[0];
                            }
                        }
                    },
                    null);
            try (javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket)
                    context.getSocketFactory().createSocket(plain, "127.0.0.1", port, false)) {
                tls.startHandshake();
                byte[] der = tls.getSession().getPeerCertificates()[0].getEncoded();
                return java.util.HexFormat.ofDelimiter(":")
                        .withUpperCase()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(der));
            }
        }
    }

    private static void readReply(java.io.BufferedReader in) throws java.io.IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
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
