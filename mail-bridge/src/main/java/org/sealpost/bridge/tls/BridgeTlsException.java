package org.sealpost.bridge.tls;

/** The bridge's TLS key material could not be loaded, generated or used; the message says why. */
public final class BridgeTlsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BridgeTlsException(String message) {
        super(message);
    }

    public BridgeTlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
