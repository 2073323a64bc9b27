package org.sealpost.bridge.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.server.SSLSocketCreator;

/**
 * How the bridge speaks TLS after STARTTLS: TLS 1.3 and 1.2 only (RFC 8996 deprecates 1.0 and
 * 1.1), forward-secret AEAD suites only (RFC 9325 §4.2), in our order of preference rather than
 * the client's.
 *
 * <p>Replaces SubEthaSMTP's default STARTTLS socket factory, which enables every protocol and
 * cipher suite the JDK supports (so what is refused would depend on the JVM's security file,
 * not on us) and resolves the client's address by reverse DNS on every handshake.
 */
public final class ServerTlsPolicy implements SSLSocketCreator {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * Strongest first. TLS 1.3 suites are all AEAD with ephemeral key exchange; for TLS 1.2 only
     * ECDHE with AES-GCM or ChaCha20-Poly1305 (both ECDSA and RSA certificates, since an
     * operator may bring either).
     */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    private final Supplier<SSLContext> context;
    private final boolean needClientAuth;
    private final String[] cipherSuites;

    /**
     * @param context holds our key (and, for client certificates, the trust managers)
     * @param needClientAuth whether the client must present a certificate the context trusts
     * @throws IllegalArgumentException if the JDK supports none of our cipher suites
     */
    public ServerTlsPolicy(SSLContext context, boolean needClientAuth) {
        this(() -> context, needClientAuth);
    }

    /**
     * @param context asked once per STARTTLS, so a replaced key is used from the next connection
     *     on while connections already encrypted keep the SSLSocket (and key) they started with
     */
    public ServerTlsPolicy(Supplier<SSLContext> context, boolean needClientAuth) {
        this.context = context;
        this.needClientAuth = needClientAuth;
        // Which suites the JDK supports does not depend on the key, so one look suffices.
        Set<String> supported = Set.of(context.get().getSupportedSSLParameters().getCipherSuites());
        this.cipherSuites = CIPHER_SUITES.stream().filter(supported::contains).toArray(String[]::new);
        if (cipherSuites.length == 0) {
            throw new IllegalArgumentException("the SSLContext supports none of " + CIPHER_SUITES);
        }
    }

    /** The parameters every STARTTLS socket gets; a fresh copy each time. */
    public SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(String[]::new));
        parameters.setCipherSuites(cipherSuites.clone());
        parameters.setUseCipherSuitesOrder(true);
        if (needClientAuth) {
            parameters.setNeedClientAuth(true);
        }
        return parameters;
    }

    /** Layers server-side TLS over the accepted plain socket, as STARTTLS requires (RFC 3207). */
    @Override
    public SSLSocket createSSLSocket(Socket plain) throws IOException {
        String peer = plain.getInetAddress().getHostAddress(); // no reverse DNS
        // The TLS handshake and every SMTP reply are small writes the client waits for; with
        // Nagle's algorithm on, a write that follows an unacknowledged one waits for the peer's
        // delayed ACK (up to 40 ms on Linux). Measured: connect+STARTTLS 30 ms -> see
        // docs/BENCHMARKS.md. RFC 896's trade-off is wrong for a request/response protocol.
        plain.setTcpNoDelay(true);
        SSLSocket tls = (SSLSocket) context.get().getSocketFactory().createSocket(plain, peer, plain.getPort(), true);
        tls.setUseClientMode(false);
        tls.setSSLParameters(parameters());
        return tls;
    }

    @Override
    public String toString() {
        return "ServerTlsPolicy[protocols=" + PROTOCOLS + ", cipherSuites=" + Arrays.toString(cipherSuites)
                + ", needClientAuth=" + needClientAuth + "]";
    }
}
