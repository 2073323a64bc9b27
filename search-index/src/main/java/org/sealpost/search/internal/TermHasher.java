package org.sealpost.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Turns a normalised word into the opaque term the index stores: SipHash-2-4 (Aumasson and
 * Bernstein, "SipHash: a fast short-input PRF", 2012) under a 128-bit key derived from the index
 * key, its {@value #TERM_BYTES} bytes as they are (index format 3, ADR 0028). A keyed
 * pseudo-random function is all a term needs to be: without the key a term says nothing about
 * its word, and equal words give equal terms. SipHash was designed for exactly this, short
 * inputs, where HMAC-SHA256 (formats 1 and 2) spent four SHA-256 compressions, or two with
 * precomputed key blocks (ADR 0026), on a six-letter word. Among ten million distinct words two
 * 64-bit terms collide with a probability of about 3·10⁻⁶, and a collision only adds a false
 * hit.
 *
 * <p>The same word gives the same term in every field, so one query term serves all fields.
 * The index key itself is not used directly: HMAC-SHA256 derives one sub-key for terms and one
 * for the key check value, so neither output says anything about the other.
 *
 * <p>Thread-safe; a {@link SipHash} is not, so each token stream asks for its own {@link
 * #newSink()}.
 */
final class TermHasher {

    static final int MIN_KEY_BYTES = 16;
    static final int TERM_BYTES = 8;

    /** SipHash's key: 128 bits. */
    private static final int TERM_KEY_BYTES = 16;

    /** The key check value's length, unchanged since format 1 (the checks recorded stay valid). */
    private static final int KEY_CHECK_BYTES = 12;

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] termKey;
    private final String keyCheckValue;

    TermHasher(byte[] indexKey) {
        if (indexKey == null || indexKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "The search index key must be at least " + MIN_KEY_BYTES + " bytes (32 recommended)");
        }
        byte[] derived = derive(indexKey, "sealpost-search-index/term-key/siphash-2-4/v3");
        this.termKey = Arrays.copyOf(derived, TERM_KEY_BYTES);
        Arrays.fill(derived, (byte) 0);
        byte[] check = derive(indexKey, "sealpost-search-index/key-check/v1");
        this.keyCheckValue = BASE64URL.encodeToString(Arrays.copyOf(check, KEY_CHECK_BYTES));
    }

    /**
     * A value that identifies the key without revealing it, recorded in each commit so that an
     * index is never searched with a key other than the one that built it.
     */
    String keyCheckValue() {
        return keyCheckValue;
    }

    boolean matchesKeyCheckValue(String recorded) {
        return recorded != null
                && MessageDigest.isEqual(
                        keyCheckValue.getBytes(StandardCharsets.US_ASCII),
                        recorded.getBytes(StandardCharsets.US_ASCII));
    }

    /** Hashing for one thread: a SipHash-2-4 under the term key, and its buffers. */
    Sink newSink() {
        SipHash sipHash = new SipHash(2, 4);
        sipHash.init(new KeyParameter(termKey));
        return new Sink(sipHash);
    }

    /** The term for a whole normalised word, such as a folder name. */
    BytesRef hash(String normalisedWord) {
        Sink sink = newSink();
        char[] chars = normalisedWord.toCharArray();
        byte[] out = new byte[TERM_BYTES];
        sink.hash(chars, chars.length, out, 0);
        return new BytesRef(out);
    }

    /** Reusable buffers for hashing many tokens on one thread. */
    static final class Sink {
        private final SipHash sipHash;
        private byte[] utf8 = new byte[64];

        private Sink(SipHash sipHash) {
            this.sipHash = sipHash;
        }

        /**
         * Writes the term for {@code chars[0..length)} into {@code out[offset..offset +
         * TERM_BYTES)}.
         */
        void hash(char[] chars, int length, byte[] out, int offset) {
            int maxBytes = UnicodeUtil.maxUTF8Length(length);
            if (utf8.length < maxBytes) {
                utf8 = new byte[maxBytes];
            }
            int byteCount = UnicodeUtil.UTF16toUTF8(chars, 0, length, utf8);
            sipHash.update(utf8, 0, byteCount);
            // The 64-bit result little-endian, as the SipHash paper's test vectors print it;
            // doFinal also resets the state for the next word.
            sipHash.doFinal(out, offset);
        }
    }

    private static byte[] derive(byte[] indexKey, String purpose) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(indexKey, HMAC));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
