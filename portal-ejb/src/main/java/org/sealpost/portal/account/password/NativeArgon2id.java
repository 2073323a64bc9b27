package org.sealpost.portal.account.password;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Argon2id by the reference C implementation, the system's {@code libargon2} (Debian and
 * Ubuntu: package {@code libargon2-1}), called through argon2-jvm and JNA. The same function
 * as {@link BouncyCastleArgon2id}, about a quarter less CPU per hash at the default cost and
 * none of the Java heap (docs/adr/0019).
 *
 * <p>{@link #load()} proves the library is there and computes RFC 9106's own Argon2id test
 * vector before anything is hashed with it: a missing library, or one that computes something
 * else, is found at start, not at the first sign-in. argon2-jvm wipes the native copies of the
 * password after each call.
 */
public final class NativeArgon2id implements Argon2idFunction {

    /**
     * RFC 9106 section 5.3: Argon2id v0x13, m=32 KiB, t=3, p=4, password 32 bytes of 0x01,
     * salt 16 of 0x02, secret 8 of 0x03, associated data 12 of 0x04, 32-byte tag.
     */
    static final String RFC_9106_TAG = "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659";

    private final Argon2Advanced argon2;

    private NativeArgon2id(Argon2Advanced argon2) {
        this.argon2 = argon2;
    }

    /**
     * The native function, checked against RFC 9106's test vector.
     *
     * @throws NativeArgon2idUnavailableException if libargon2 cannot be loaded or computes a
     *                                            wrong tag
     */
    public static NativeArgon2id load() {
        return load(() -> Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id));
    }

    /** {@link #load()} with the binding given, so tests can stand in a missing library. */
    static NativeArgon2id load(Supplier<Argon2Advanced> binding) {
        Argon2Advanced argon2;
        byte[] tag;
        try {
            argon2 = binding.get();
            tag = argon2.rawHashAdvanced(
                    3,
                    32,
                    4,
                    filled(32, 0x01),
                    filled(16, 0x02),
                    filled(8, 0x03),
                    filled(12, 0x04),
                    32,
                    Argon2Version.V13);
        } catch (LinkageError | RuntimeException e) {
            // JNA reports a missing library as UnsatisfiedLinkError, the first time, and as
            // NoClassDefFoundError for the library's interface after that.
            throw new NativeArgon2idUnavailableException(
                    "libargon2 could not be loaded (" + e
                            + "); install it (Debian/Ubuntu: apt-get install libargon2-1)",
                    e);
        }
        if (!HexFormat.of().formatHex(tag).equals(RFC_9106_TAG)) {
            throw new NativeArgon2idUnavailableException(
                    "libargon2 computed a wrong tag for RFC 9106's Argon2id test vector; it is not used", null);
        }
        return new NativeArgon2id(argon2);
    }

    @Override
    public byte[] tag(byte[] password, Argon2Settings settings, byte[] salt, int tagBytes) {
        return argon2.rawHashAdvanced(
                settings.iterations(),
                settings.memoryKiB(),
                settings.parallelism(),
                password,
                salt,
                null,
                null,
                tagBytes,
                Argon2Version.V13);
    }

    @Override
    public String description() {
        return "libargon2 (native)";
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
