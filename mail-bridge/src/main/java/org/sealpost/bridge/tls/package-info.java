/**
 * The bridge's TLS identity: a generated self-signed ECDSA certificate kept in the data
 * directory, or an operator-supplied PKCS#12 keystore, and a CSR for the organisation's CA;
 * and {@link org.sealpost.bridge.tls.BridgeKeyMaterial}, through which whoever keeps the
 * certificate (the portal, in its database) replaces it while the bridge runs.
 *
 * <p>BouncyCastle builds the X.509 and PKCS#10 structures only; keys, keystores and the
 * SSLContext come from the JDK, and BouncyCastle is never installed as a JCA provider (placed
 * first, it would silently replace the JDK's far faster AES-GCM everywhere).
 */
package org.sealpost.bridge.tls;
