package org.sealpost.portal.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Delivers mail to the smarthost with Jakarta Mail, TLS required, one or several per session. Plain Java, so the
 * rules are tested against a real TLS SMTP server without an application server.
 */
public final class SmarthostTransport {

    private final Session session;
    private final HandshakeWatch handshakes = new HandshakeWatch();

    /** What the last TLS handshake with the smarthost agreed on (for the administrator). */
    public record Handshake(String protocol, String cipherSuite, String peerSubject, Instant at) {}

    /**
     * @param trustStore PKCS#12 trust anchors for the smarthost; empty for the JDK's CAs
     */
    public SmarthostTransport(String host, int port, Optional<Path> trustStore, char[] trustStorePassword) {
        this(host, port, sslContext(trustStore, trustStorePassword));
    }

    /**
     * @param trustAnchors the certificates the smarthost's must chain to (imported by the
     *     administrator and kept in the database)
     */
    public SmarthostTransport(String host, int port, KeyStore trustAnchors) {
        this(host, port, sslContext(trustAnchors));
    }

    private SmarthostTransport(String host, int port, SSLContext tls) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        // RFC 3207: no STARTTLS offered, or a failed handshake, is an error, never plain text.
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        // RFC 6125 host name check of the smarthost's certificate.
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.socketFactory", handshakes.watching(tls.getSocketFactory()));
        // TCP_NODELAY (RFC 1122 §4.2.3.4 lets an application turn Nagle off): right after the
        // STARTTLS handshake the client's EHLO waited behind its own unacknowledged Finished
        // record until the smarthost's delayed ACK (40 ms on Linux) — most of a session's set-up
        // time on loopback (docs/BENCHMARKS.md, "Writing"). The TLS layer goes on top of this
        // socket unchanged.
        p.put("mail.smtp.socketFactory", new NoDelaySockets());
        p.put("mail.smtp.socketFactory.fallback", "false");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        // isConnected() checks a kept session with RSET rather than NOOP, which also clears a
        // failed mail transaction before the next one (RFC 5321 §4.1.1.5; SmarthostConnection).
        p.put("mail.smtp.userset", "true");
        this.session = Session.getInstance(p);
    }

    public Session session() {
        return session;
    }

    /** The last completed handshake on any connection of this transport, if there was one. */
    public Optional<Handshake> lastHandshake() {
        return Optional.ofNullable(handshakes.last);
    }

    /**
     * An SMTP session for several mails in a row (one outbound pass); not yet connected. The
     * caller closes it.
     */
    public SmarthostConnection connection() {
        return new SmarthostConnection(session);
    }

    /** Sends on a session of its own, or throws with the smarthost's or the TLS layer's reason. */
    public void send(MimeMessage message, String envelopeRecipient) throws MessagingException {
        try (SmarthostConnection connection = connection()) {
            connection.send(message, envelopeRecipient);
        }
    }

    /** Relays a finished message unchanged ({@link SmarthostConnection#relay}) on a session of its own. */
    public void relay(byte[] rawMime, String envelopeRecipient) throws MessagingException {
        try (SmarthostConnection connection = connection()) {
            connection.relay(rawMime, envelopeRecipient);
        }
    }

    /** Plain TCP sockets with Nagle's algorithm off; STARTTLS wraps them. */
    private static final class NoDelaySockets extends SocketFactory {

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(new Socket(address, port, localAddress, localPort));
        }
    }

    private static SSLContext sslContext(KeyStore trustAnchors) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustAnchors);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the smarthost trust anchors cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * Hands out the TLS sockets Jakarta Mail layers over the plain one at STARTTLS, each
     * reporting its completed handshake here: the only place the agreed protocol and cipher
     * suite can be seen, since Jakarta Mail does not expose the socket.
     */
    private static final class HandshakeWatch {

        private volatile Handshake last;

        SSLSocketFactory watching(SSLSocketFactory delegate) {
            return new SSLSocketFactory() {
                @Override
                public String[] getDefaultCipherSuites() {
                    return delegate.getDefaultCipherSuites();
                }

                @Override
                public String[] getSupportedCipherSuites() {
                    return delegate.getSupportedCipherSuites();
                }

                @Override
                public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                    return watch(delegate.createSocket(s, host, port, autoClose));
                }

                @Override
                public Socket createSocket(String host, int port) throws IOException {
                    return watch(delegate.createSocket(host, port));
                }

                @Override
                public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                        throws IOException {
                    return watch(delegate.createSocket(host, port, localHost, localPort));
                }

                @Override
                public Socket createSocket(InetAddress host, int port) throws IOException {
                    return watch(delegate.createSocket(host, port));
                }

                @Override
                public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                        throws IOException {
                    return watch(delegate.createSocket(address, port, localAddress, localPort));
                }
            };
        }

        private Socket watch(Socket socket) {
            if (socket instanceof SSLSocket tls) {
                tls.addHandshakeCompletedListener(event -> {
                    String peer;
                    try {
                        peer = event.getPeerPrincipal().getName();
                    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                        peer = null;
                    }
                    last = new Handshake(event.getSession().getProtocol(), event.getCipherSuite(), peer, Instant.now());
                });
            }
            return socket;
        }
    }

    private static SSLContext sslContext(Optional<Path> trustStore, char[] password) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustStore.isPresent()) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(trustStore.get())) {
                    ks.load(in, password);
                }
                tmf.init(ks);
            } else {
                tmf.init((KeyStore) null);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the smarthost trust store " + trustStore.orElse(null) + " cannot be used: " + e.getMessage(), e);
        }
    }
}
