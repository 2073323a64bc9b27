package org.sealpost.bridge.internal;

import java.io.IOException;
import java.io.InputStream;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;

/**
 * STARTTLS (RFC 3207), the only way into a transaction here.
 *
 * <p>Differences from SubEthaSMTP's own command: plaintext pipelined behind STARTTLS is
 * discarded explicitly (below); a failed handshake closes the connection instead of leaving
 * the session reading a half-dead plaintext stream; replies carry enhanced status codes.
 */
final class StartTlsCommand extends SmtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(StartTlsCommand.class);

    static final SmtpReply READY = new SmtpReply(220, "2.0.0", "Ready to start TLS");
    static final SmtpReply NO_PARAMETERS = new SmtpReply(501, "5.5.4", "Syntax: STARTTLS (no parameters allowed)");
    static final SmtpReply ALREADY_ACTIVE = new SmtpReply(503, "5.5.1", "TLS already active");

    StartTlsCommand() {
        super("STARTTLS", "Start TLS (RFC 3207).");
    }

    @Override
    void run(String arguments, Session session) throws IOException {
        if (!arguments.isBlank()) {
            reply(session, NO_PARAMETERS);
            return;
        }
        if (session.isTLSStarted()) {
            reply(session, ALREADY_ACTIVE);
            return;
        }
        discardPipelinedPlaintext(session);
        reply(session, READY);
        try {
            SSLSocket tls = session.getServer().createSSLSocket(session.getSocket());
            tls.startHandshake();
            session.setSocket(tls);
            // RFC 3207 §4.2: back to the state after the greeting; forget the EHLO argument.
            session.resetSmtpProtocol();
            session.setTlsStarted(true);
            if (tls.getNeedClientAuth()) {
                try {
                    session.setTlsPeerCertificates(tls.getSession().getPeerCertificates());
                } catch (SSLPeerUnverifiedException e) {
                    // cannot happen with needClientAuth after a completed handshake
                }
            }
            LOG.debug(
                    "TLS with {}: {} {}",
                    session.getRealRemoteAddress(),
                    tls.getSession().getProtocol(),
                    tls.getSession().getCipherSuite());
        } catch (IOException e) {
            // Nothing useful can be said to a client whose handshake failed: no reply can be
            // sent in TLS, and a plaintext one would be read as garbage. Close.
            LOG.debug("TLS handshake with {} failed", session.getRealRemoteAddress(), e);
            SessionLog.failed(session, "TLS handshake failed: " + e.getMessage());
            session.quit();
        }
    }

    /**
     * Anything the client sent after "STARTTLS" before seeing our 220 was sent in the clear and
     * must not be executed inside the TLS session: that is the STARTTLS command injection of
     * CVE-2011-0411 (RFC 3207 §4.2 demands the protocol state be reset; by RFC 2920 §3.1 a
     * command added by an extension, STARTTLS included, may only end a pipelined group, so a
     * compliant client never sends anything here). SubEthaSMTP happens to drop its read buffer when it
     * swaps the socket, but that is an accident of its implementation; discard explicitly, and
     * before the 220, so a legitimate ClientHello can never be among the discarded bytes.
     */
    private static void discardPipelinedPlaintext(Session session) throws IOException {
        InputStream input = session.getRawInput();
        long discarded = 0;
        int available;
        while ((available = input.available()) > 0) {
            long skipped = input.skip(available);
            if (skipped <= 0) {
                break;
            }
            discarded += skipped;
        }
        if (discarded > 0) {
            LOG.warn(
                    "Client {} pipelined {} bytes of plaintext after STARTTLS; discarded them",
                    session.getRealRemoteAddress(),
                    discarded);
        }
    }
}
