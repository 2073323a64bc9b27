package org.sealpost.portal.account.password;

/** The native Argon2id library is missing or computes something else; the message says what to install. */
public final class NativeArgon2idUnavailableException extends IllegalStateException {

    public NativeArgon2idUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
