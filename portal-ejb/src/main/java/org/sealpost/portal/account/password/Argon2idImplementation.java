package org.sealpost.portal.account.password;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Which {@link Argon2idFunction} hashes passwords: setting {@code SEALPOST_ARGON2_IMPLEMENTATION}
 * (docs/adr/0019). Both compute the same function, so the choice never locks anyone out.
 */
public enum Argon2idImplementation {

    /** libargon2 where it is installed, else BouncyCastle with a warning. The default. */
    AUTO,
    /** libargon2 or no start: for installations that sized their sign-in capacity on it. */
    NATIVE,
    /** BouncyCastle, never native code. */
    BOUNCYCASTLE;

    private static final Logger LOG = Logger.getLogger(Argon2idImplementation.class.getName());

    /**
     * The implementation a setting names, case-insensitive; blank or absent is {@link #AUTO}.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Argon2idImplementation of(String setting) {
        if (setting == null || setting.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(setting.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "setting SEALPOST_ARGON2_IMPLEMENTATION must be auto, native or bouncycastle, not '" + setting
                            + "'",
                    e);
        }
    }

    /**
     * The function to hash with.
     *
     * @throws NativeArgon2idUnavailableException for {@link #NATIVE} when libargon2 is missing
     */
    public Argon2idFunction function() {
        return function(NativeArgon2id::load);
    }

    /** {@link #function()} with the native loader given, so tests can make it fail. */
    Argon2idFunction function(Supplier<? extends Argon2idFunction> nativeLoader) {
        return switch (this) {
            case BOUNCYCASTLE -> BouncyCastleArgon2id.INSTANCE;
            case NATIVE -> nativeLoader.get();
            case AUTO -> {
                try {
                    yield nativeLoader.get();
                } catch (NativeArgon2idUnavailableException e) {
                    LOG.warning(() -> "password hashing falls back to BouncyCastle, which costs more CPU per sign-in: "
                            + e.getMessage());
                    yield BouncyCastleArgon2id.INSTANCE;
                }
            }
        };
    }
}
