package org.sealpost.portal.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;

/**
 * One SMTP session with the smarthost, kept for a whole outbound pass: RFC 5321 §3.3 allows
 * any number of mail transactions in one session, so the TCP connect, EHLO, STARTTLS handshake
 * (RFC 3207) and certificate check are paid once per pass, not once per mail. Opened on the
 * first mail, so an empty pass connects to nobody.
 *
 * <p>After a failed mail the session is kept only if it answers RSET (RFC 5321 §4.1.1.5: it
 * clears the failed transaction); otherwise it is closed and the next mail opens a new one.
 * A mail that fails on a session which had already carried mail is tried once more on a fresh
 * session, because the smarthost may have closed it (idle timeout, restart) between two mails;
 * a mail that fails on a fresh session fails for real and its caller defers it. As before, a
 * session lost after the final "." but before the reply may deliver a mail twice (RFC 5321
 * §6.1); none is lost. Not thread-safe: one pass, one thread.
 */
public final class SmarthostConnection implements AutoCloseable {

    private final Session session;
    private Transport transport;
    private int mailsOnThisSession;
    private int sessionsOpened;

    SmarthostConnection(Session session) {
        this.session = session;
    }

    /** Sends the message (its headers completed, as {@code Transport.send} does) to one recipient. */
    public void send(MimeMessage message, String envelopeRecipient) throws MessagingException {
        message.saveChanges();
        deliver(message, envelopeRecipient);
    }

    /**
     * Sends a finished message exactly as it is: no header rewritten, so its Message-ID (the
     * thread the colleague's answer refers to) is the one the portal's copies hold.
     * {@code Transport.send} would call {@code saveChanges()} and mint a new one.
     */
    public void relay(byte[] rawMime, String envelopeRecipient) throws MessagingException {
        deliver(new MimeMessage(session, new ByteArrayInputStream(rawMime)), envelopeRecipient);
    }

    /** The mail session messages for this smarthost are composed in. */
    public Session session() {
        return session;
    }

    /** How many SMTP sessions this pass opened (for the benchmark driver and its log line). */
    public int sessionsOpened() {
        return sessionsOpened;
    }

    private void deliver(MimeMessage message, String envelopeRecipient) throws MessagingException {
        InternetAddress[] to = {new InternetAddress(envelopeRecipient)};
        boolean reused = transport != null && mailsOnThisSession > 0;
        try {
            attempt(message, to);
        } catch (MessagingException failure) {
            if (!reused || transport != null) {
                // A fresh session failed, or the smarthost refused this mail and the session lives on.
                throw failure;
            }
            // The smarthost had closed the session between two mails: once more on a new one.
            attempt(message, to);
        }
    }

    private void attempt(MimeMessage message, InternetAddress[] to) throws MessagingException {
        if (transport == null) {
            open();
        }
        try {
            transport.sendMessage(message, to);
            mailsOnThisSession++;
        } catch (MessagingException | RuntimeException failure) {
            // With mail.smtp.userset, isConnected() sends RSET: the failed transaction is cleared
            // on a session that still answers, and a dead session is found out and dropped.
            if (!transport.isConnected()) {
                closeQuietly();
            }
            throw failure;
        }
    }

    private void open() throws MessagingException {
        Transport t = session.getTransport("smtp");
        // connect() does EHLO, STARTTLS (required), the certificate and host name check, EHLO.
        t.connect();
        transport = t;
        mailsOnThisSession = 0;
        sessionsOpened++;
    }

    private void closeQuietly() {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // already gone
        }
        transport = null;
    }

    /** QUIT, if a session was opened and still stands. */
    @Override
    public void close() {
        if (transport != null) {
            closeQuietly();
        }
    }
}
