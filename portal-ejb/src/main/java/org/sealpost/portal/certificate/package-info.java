/**
 * The bridge's TLS certificate and the smarthost's trust anchors as the operator manages them:
 * show, generate self-signed, generate a key and a CSR, import a CA's chain or a PKCS#12, roll
 * back; stored in the database (the private key sealed under the key-encryption keys) so every
 * node serves the same one and picks up a change within seconds (ADR 0011).
 *
 * <p>The rules are plain classes over an {@link jakarta.persistence.EntityManager}
 * ({@link org.sealpost.portal.certificate.BridgeCertificateDesk}), so {@code ./sealpost cert}
 * runs them outside the container exactly as the admin page does inside it. BouncyCastle builds
 * and parses the X.509, PKCS#10 and PEM structures; keys and keystores come from the JDK.
 */
package org.sealpost.portal.certificate;
