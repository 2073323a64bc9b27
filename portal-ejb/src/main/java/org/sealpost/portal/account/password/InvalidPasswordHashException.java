package org.sealpost.portal.account.password;

/**
 * A stored password hash is not an Argon2id PHC string this portal can verify. The message says
 * what is wrong but never quotes the hash: it is the input to an offline guessing attack and must
 * not end up in logs.
 *
 * <p>Unchecked: a stored hash is written only by {@link PasswordHasher}, so a bad one is data
 * corruption, not something a login can recover from.
 */
public final class InvalidPasswordHashException extends IllegalArgumentException {

    public InvalidPasswordHashException(String message) {
        super(message);
    }

    public InvalidPasswordHashException(String message, Throwable cause) {
        super(message, cause);
    }
}
