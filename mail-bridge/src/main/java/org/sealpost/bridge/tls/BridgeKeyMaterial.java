package org.sealpost.bridge.tls;

import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The bridge's key and certificate as something that can change while the bridge runs: the
 * port through which whoever owns the certificate (the portal, which keeps it in its database)
 * hands the bridge a new one.
 *
 * <p>The bridge asks {@link #sslContext()} once per STARTTLS (RFC 3207), so after
 * {@link #replace} every new connection presents the new certificate, while a connection that is
 * already encrypted keeps the socket, and so the key, it was handshaken with until it ends: no
 * restart, nothing dropped. A fresh SSLContext also has a fresh session cache, so a client
 * cannot resume (RFC 8446 §2.2) into a session of the old certificate.
 *
 * <p>Thread-safe: one volatile reference, swapped whole.
 */
public final class BridgeKeyMaterial {

    private final KeyStore clientTrustStore;
    private volatile Snapshot current;

    private record Snapshot(BridgeCertificates certificates, SSLContext context) {}

    private BridgeKeyMaterial(BridgeCertificates initial, KeyStore clientTrustStore) {
        this.clientTrustStore = clientTrustStore;
        this.current = snapshot(initial);
    }

    /**
     * @param clientTrustStore the certificates a gateway's client certificate must chain to, kept
     *     across replacements; {@code null} to trust none
     */
    public static BridgeKeyMaterial of(BridgeCertificates initial, KeyStore clientTrustStore) {
        return new BridgeKeyMaterial(Objects.requireNonNull(initial, "initial"), clientTrustStore);
    }

    /** What new connections present from now on. */
    public void replace(BridgeCertificates next) {
        current = snapshot(Objects.requireNonNull(next, "next"));
    }

    /** The key and certificate new connections get. */
    public BridgeCertificates certificates() {
        return current.certificates();
    }

    /** The server context for the next handshake. */
    public SSLContext sslContext() {
        return current.context();
    }

    /** Whether a client trust store was given (client certificates can be required). */
    public boolean trustsClients() {
        return clientTrustStore != null;
    }

    private Snapshot snapshot(BridgeCertificates certificates) {
        return new Snapshot(certificates, certificates.sslContext(clientTrustStore));
    }
}
