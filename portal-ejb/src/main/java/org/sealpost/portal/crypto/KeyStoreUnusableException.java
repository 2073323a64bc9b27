package org.sealpost.portal.crypto;

/**
 * The key-encryption-key keystore cannot be used: missing, unreadable, wrong password, or
 * without a usable {@code kek-vN} entry. Unchecked because nothing at run time can repair it;
 * start-up should stop with this message, which names the file but never key material.
 */
public final class KeyStoreUnusableException extends RuntimeException {

    public KeyStoreUnusableException(String message) {
        super(message);
    }

    public KeyStoreUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
