package org.sealpost.portal.compose;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.sealpost.portal.policy.RecipientAddress;

/**
 * The MIME of a message a recipient sends from the portal: one message for every copy (Sent,
 * external recipients' portal copies, relayed mail), so all of them carry one Message-ID.
 *
 * <p>Header choices (ADR 0009): From is the portal's own address with the writer named in the
 * display name ("anna@client.example via Sealpost"), Reply-To is the writer, so the
 * organisation's DMARC-aligned gateway accepts it and a colleague's answer goes to the writer;
 * the Message-ID's domain is the portal's, and every answer names it in In-Reply-To and
 * References, which is what the gateway keys on to route answers back encrypted.
 */
record OutgoingMail(
        InternetAddress from,
        InternetAddress replyTo,
        List<RecipientAddress> to,
        List<RecipientAddress> cc,
        String subject,
        String text,
        String messageId,
        String inReplyTo,
        String references,
        List<Attachment> attachments,
        Instant date) {

    /**
     * The session every outgoing message is built in: it only carries the (empty) properties
     * MimeMessage reads, it never connects. One for all, because creating a session is not
     * cheap: {@code Session.getInstance} looks up the mail providers (a ServiceLoader scan of
     * the application's class path and four configuration files that do not exist, each
     * answered with an exception) every time, and under {@code ./sealpost bench compose} the
     * sessions a send created took 37 % of its CPU and held jar-file locks other requests
     * waited for (JFR, docs/BENCHMARKS.md "Writing"). A session is safe to share between
     * threads; nothing here changes its properties.
     */
    private static final Session BUILDING = Session.getInstance(new Properties());

    /** One file, in memory: the message is sealed as one byte array anyway, within the attachment limit. */
    record Attachment(String fileName, String contentType, byte[] content) {}

    OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    /** {@code "writer via Sealpost" <portal address>}. */
    static InternetAddress onBehalfOf(String writer, InternetAddress portal) {
        try {
            return new InternetAddress(portal.getAddress(), writer + " via Sealpost", "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** The raw message, CRLF line ends, ready to seal and to relay byte for byte. */
    byte[] toMime() {
        try {
            MimeMessage m = new FixedIdMessage(BUILDING, messageId);
            m.setFrom(from);
            m.setReplyTo(new InternetAddress[] {replyTo});
            m.setRecipients(Message.RecipientType.TO, addresses(to));
            if (!cc.isEmpty()) {
                m.setRecipients(Message.RecipientType.CC, addresses(cc));
            }
            m.setSubject(subject, "UTF-8");
            m.setSentDate(Date.from(date));
            if (inReplyTo != null) {
                m.setHeader("In-Reply-To", inReplyTo);
            }
            if (references != null) {
                // RFC 5322 section 2.2.3: long References fold between ids.
                m.setHeader("References", MimeUtility.fold("References: ".length(), references));
            }
            if (attachments.isEmpty()) {
                m.setText(text, "UTF-8");
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                body.setText(text, "UTF-8");
                mixed.addBodyPart(body);
                for (Attachment a : attachments) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                    // RFC 2231 encoded file name (mail.mime.encodeparameters is on by default).
                    part.setFileName(a.fileName());
                    part.setDisposition(MimeBodyPart.ATTACHMENT);
                    mixed.addBodyPart(part);
                }
                m.setContent(mixed);
            }
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192
                    + text.length()
                    + attachments.stream()
                            .mapToInt(a -> a.content().length * 4 / 3 + 512)
                            .sum());
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the message: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InternetAddress[] addresses(List<RecipientAddress> list) throws MessagingException {
        InternetAddress[] result = new InternetAddress[list.size()];
        for (int i = 0; i < list.size(); i++) {
            result[i] = new InternetAddress(list.get(i).value());
        }
        return result;
    }

    /** Keeps the Message-ID the portal chose; saveChanges() would mint its own. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
