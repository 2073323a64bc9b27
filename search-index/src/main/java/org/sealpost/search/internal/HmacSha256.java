package org.sealpost.search.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) with the key's two padded blocks hashed once, as RFC 2104 section 4
 * ("Implementation note") allows: the same output as {@code Mac.getInstance("HmacSHA256")},
 * byte for byte, at two SHA-256 compressions for a message of up to 55 bytes instead of four.
 *
 * <p>HMAC(K, m) = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), and K ⊕ ipad and K ⊕ opad are each one
 * 64-byte block. The JDK's {@code HmacCore} feeds both blocks to the digest again for every
 * message. Here two prototype digests consume them once, when the key is set; each message then
 * starts from a {@link MessageDigest#clone() clone} of each, the JDK's one way to copy a
 * digest's intermediate state, so that only the message's block and the outer block of the
 * inner hash are compressed. (SHA-256 itself stays the JDK's, which uses the processor's SHA
 * instructions where it has them.)
 *
 * <p>The prototypes are as secret as the key: from them anyone can compute the HMAC. They live
 * where the {@code Mac} holding the key lived before. One instance serves one thread; {@link
 * #copy()} gives another thread its own.
 */
final class HmacSha256 {

    /** SHA-256's block size B and output length L (RFC 2104 section 2). */
    static final int BLOCK_BYTES = 64;

    static final int LENGTH = 32;

    private static final String SHA_256 = "SHA-256";
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerHash = new byte[LENGTH];

    /**
     * @param key any length; a key longer than the block is hashed first (RFC 2104 section 2)
     * @throws IllegalStateException if the JDK has no SHA-256 whose state can be copied
     */
    HmacSha256(byte[] key) {
        MessageDigest sha256 = sha256();
        byte[] block = Arrays.copyOf(key.length > BLOCK_BYTES ? sha256.digest(key) : key, BLOCK_BYTES);
        inner = afterPaddedKey(block, IPAD);
        outer = afterPaddedKey(block, OPAD);
        Arrays.fill(block, (byte) 0);
        copyOf(inner); // refuse a digest that cannot be cloned now, not at the first word
    }

    private HmacSha256(MessageDigest inner, MessageDigest outer) {
        this.inner = inner;
        this.outer = outer;
    }

    /** Another instance with the same key, for another thread. */
    HmacSha256 copy() {
        return new HmacSha256(copyOf(inner), copyOf(outer));
    }

    /**
     * Writes HMAC(key, {@code message[offset..offset + length)}), {@value #LENGTH} bytes, into
     * {@code out[outOffset..]}.
     */
    void mac(byte[] message, int offset, int length, byte[] out, int outOffset) {
        try {
            MessageDigest first = copyOf(inner);
            first.update(message, offset, length);
            first.digest(innerHash, 0, LENGTH);
            MessageDigest second = copyOf(outer);
            second.update(innerHash, 0, LENGTH);
            second.digest(out, outOffset, LENGTH);
        } catch (DigestException e) {
            throw new IllegalArgumentException("No room for " + LENGTH + " bytes at " + outOffset, e);
        }
    }

    /** A SHA-256 that has consumed the block K ⊕ pad. */
    private static MessageDigest afterPaddedKey(byte[] block, byte pad) {
        byte[] padded = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            padded[i] = (byte) (block[i] ^ pad);
        }
        MessageDigest digest = sha256();
        digest.update(padded);
        Arrays.fill(padded, (byte) 0);
        return digest;
    }

    private static MessageDigest copyOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(
                    "This JDK's SHA-256 (" + digest.getProvider() + ") cannot copy its state", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance(SHA_256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
