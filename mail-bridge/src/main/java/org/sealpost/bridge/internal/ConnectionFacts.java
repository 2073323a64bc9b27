package org.sealpost.bridge.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.server.Session;

/**
 * What is known about the connection a transaction runs on, captured when the transaction
 * starts (after STARTTLS, so the TLS parameters are final).
 *
 * @param clientAddress the client's IP address
 * @param helo the EHLO/HELO argument, {@code ""} if none was given
 * @param tlsProtocol e.g. {@code TLSv1.3}, {@code ""} without TLS
 * @param tlsCipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}, {@code ""} without TLS
 */
public record ConnectionFacts(InetAddress clientAddress, String helo, String tlsProtocol, String tlsCipherSuite) {

    public ConnectionFacts {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(helo, "helo");
        Objects.requireNonNull(tlsProtocol, "tlsProtocol");
        Objects.requireNonNull(tlsCipherSuite, "tlsCipherSuite");
    }

    public boolean tlsActive() {
        return !tlsProtocol.isEmpty();
    }

    /** Reads the facts from SubEthaSMTP's session (the context it hands to a handler factory). */
    public static ConnectionFacts of(MessageContext context) {
        InetAddress client = addressOf(context.getRemoteAddress());
        String helo = context.getHelo().orElse("");
        String protocol = "";
        String cipherSuite = "";
        if (context instanceof Session session && session.getSocket() instanceof SSLSocket tls) {
            SSLSession tlsSession = tls.getSession();
            protocol = tlsSession.getProtocol();
            cipherSuite = tlsSession.getCipherSuite();
        }
        return new ConnectionFacts(client, helo, protocol, cipherSuite);
    }

    private static InetAddress addressOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }
}
