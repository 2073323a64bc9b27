package org.sealpost.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Turns a normalised word into the opaque term the index stores: HMAC-SHA256 (RFC 2104) under
 * a key derived from the index key, truncated to {@value #TERM_BYTES} bytes (96 bits: no
 * collision among any realistic vocabulary; RFC 2104 section 5 allows truncating to the leftmost
 * bits). Since index format 2 (ADR 0025) the index holds these bytes as they are; format 1 wrote
 * them as 16 base64url characters.
 *
 * <p>The same word gives the same term in every field, so one query term serves all fields.
 * The index key itself is not used directly: HMAC derives one sub-key for terms and one for the
 * key check value, so neither output says anything about the other.
 *
 * <p>Thread-safe; an {@link HmacSha256} is not, so each token stream asks for its own {@link
 * #newHmac()}.
 */
final class TermHasher {

    static final int MIN_KEY_BYTES = 16;
    static final int TERM_BYTES = 12;

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final HmacSha256 termHmac;
    private final String keyCheckValue;
    private final AtomicLong cacheGeneration = new AtomicLong();

    TermHasher(byte[] indexKey) {
        if (indexKey == null || indexKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "The search index key must be at least " + MIN_KEY_BYTES + " bytes (32 recommended)");
        }
        byte[] termKeyBytes = derive(indexKey, "sealpost-search-index/term-key/v1");
        this.termHmac = new HmacSha256(termKeyBytes);
        Arrays.fill(termKeyBytes, (byte) 0);
        byte[] check = derive(indexKey, "sealpost-search-index/key-check/v1");
        this.keyCheckValue = BASE64URL.encodeToString(Arrays.copyOf(check, TERM_BYTES));
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

    /**
     * Tells every {@link KeyedHashFilter} to empty its word cache before its next text, so plain
     * words do not outlive the batch they were indexed in; called at each commit.
     */
    void forgetCachedWords() {
        cacheGeneration.incrementAndGet();
    }

    long cacheGeneration() {
        return cacheGeneration.get();
    }

    /** The term key's HMAC for one thread (RFC 2104 section 4's precomputed form, ADR 0026). */
    HmacSha256 newHmac() {
        return termHmac.copy();
    }

    /** The term for a whole normalised word, such as a folder name. */
    BytesRef hash(String normalisedWord) {
        Sink sink = new Sink(newHmac());
        char[] chars = normalisedWord.toCharArray();
        byte[] out = new byte[TERM_BYTES];
        sink.hash(chars, chars.length, out, 0);
        return new BytesRef(out);
    }

    /** Reusable buffers for hashing many tokens on one thread. */
    static final class Sink {
        private final HmacSha256 hmac;
        private final byte[] digest = new byte[HmacSha256.LENGTH];
        private byte[] utf8 = new byte[64];

        Sink(HmacSha256 hmac) {
            this.hmac = hmac;
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
            hmac.mac(utf8, 0, byteCount, digest, 0);
            System.arraycopy(digest, 0, out, offset, TERM_BYTES);
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
