package org.sealpost.portal.crypto.internal;

import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM in the self-describing layout {@code version(1) | nonce(12) | ciphertext | tag(16)}.
 *
 * <p>Internal to {@code org.sealpost.portal.crypto}; public only so the package root and its
 * warm-up can share exactly one code path (the JIT warms what it has profiled).
 *
 * <p>The provider is pinned to SunJCE instead of taking the first provider that offers
 * AES/GCM: if anyone registers BouncyCastle at position 1, a plain
 * {@code Cipher.getInstance("AES/GCM/NoPadding")} silently switches to a pure-Java
 * implementation about 50 times slower (docs/ARCHITECTURE.md, "Runtime facts").
 */
public final class AesGcm {

    /** The only layout written so far; the byte is authenticated as part of the associated data. */
    public static final byte FORMAT_V1 = 1;

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    public static final int HEADER_BYTES = 1 + NONCE_BYTES;
    public static final int OVERHEAD_BYTES = HEADER_BYTES + TAG_BYTES;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final Provider PROVIDER = pickProvider();

    private AesGcm() {}

    private static Provider pickProvider() {
        Provider sunJce = Security.getProvider("SunJCE");
        if (sunJce == null) {
            System.getLogger(AesGcm.class.getName())
                    .log(
                            Level.WARNING,
                            "SunJCE provider not present; AES-GCM falls back to the first provider offering it,"
                                    + " which may be much slower");
        }
        return sunJce;
    }

    /** Name of the provider every AES-GCM operation here uses. */
    public static String providerName() {
        try {
            return newCipher().getProvider().getName();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is not available", e);
        }
    }

    private static Cipher newCipher() throws GeneralSecurityException {
        return PROVIDER != null ? Cipher.getInstance(TRANSFORMATION, PROVIDER) : Cipher.getInstance(TRANSFORMATION);
    }

    /**
     * Encrypts {@code plaintext} under {@code key} with a fresh random nonce; {@code context} is
     * authenticated (not encrypted) and must be given again, byte for byte, to {@link #open}.
     */
    public static byte[] seal(SecretKey key, byte[] plaintext, byte[] context, SecureRandom random) {
        byte[] out = new byte[OVERHEAD_BYTES + plaintext.length];
        out[0] = FORMAT_V1;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
        try {
            Cipher cipher = newCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData(FORMAT_V1, context));
            int written = cipher.doFinal(plaintext, 0, plaintext.length, out, HEADER_BYTES);
            if (written != plaintext.length + TAG_BYTES) {
                throw new IllegalStateException(
                        "AES-GCM wrote " + written + " bytes, expected " + (plaintext.length + TAG_BYTES));
            }
            return out;
        } catch (GeneralSecurityException e) {
            // Only a broken JDK or a key of the wrong size gets here: a programming error, not bad data.
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts a value written by {@link #seal}.
     *
     * @throws MalformedSealException when the layout is wrong (too short, unknown version)
     * @throws AEADBadTagException    when authentication fails: altered bytes, other context, other key
     */
    public static byte[] open(SecretKey key, byte[] sealed, byte[] context)
            throws MalformedSealException, AEADBadTagException {
        if (sealed.length < OVERHEAD_BYTES) {
            throw new MalformedSealException("ciphertext is " + sealed.length + " bytes, shorter than the "
                    + OVERHEAD_BYTES + "-byte minimum (truncated?)");
        }
        if (sealed[0] != FORMAT_V1) {
            throw new MalformedSealException("unknown ciphertext format version " + (sealed[0] & 0xff)
                    + " (this build reads version " + FORMAT_V1 + ")");
        }
        try {
            Cipher cipher = newCipher();
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BYTES * 8, Arrays.copyOfRange(sealed, 1, HEADER_BYTES)));
            cipher.updateAAD(associatedData(sealed[0], context));
            return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed: " + e.getMessage(), e);
        }
    }

    private static byte[] associatedData(byte version, byte[] context) {
        byte[] aad = new byte[1 + context.length];
        aad[0] = version;
        System.arraycopy(context, 0, aad, 1, context.length);
        return aad;
    }

    /** The bytes do not have the layout {@link #seal} writes. */
    public static final class MalformedSealException extends Exception {
        public MalformedSealException(String message) {
            super(message);
        }
    }
}
