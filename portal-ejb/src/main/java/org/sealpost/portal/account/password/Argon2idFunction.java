package org.sealpost.portal.account.password;

/**
 * Who computes Argon2id (RFC 9106) for {@link PasswordHasher}: the same function, so the same
 * tag for the same inputs, whichever computes it. Choosing one never invalidates a stored hash.
 */
public sealed interface Argon2idFunction permits BouncyCastleArgon2id, NativeArgon2id {

    /**
     * The {@code tagBytes}-byte Argon2id tag (version 0x13) of {@code password} and {@code salt},
     * with no secret and no associated data.
     */
    byte[] tag(byte[] password, Argon2Settings settings, byte[] salt, int tagBytes);

    /** What the log and the benchmark call it. */
    String description();
}
