package org.sealpost.search.internal;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;

/**
 * Replaces each token's term by its keyed hash, {@value TermHasher#TERM_BYTES} raw bytes (ADR
 * 0025), leaving its position untouched so that phrase queries still line words up. It must be
 * the last filter: whatever follows sees an empty text and a binary term.
 *
 * <p>HMAC-SHA256 cost about 0.25 µs a token, which was nearly half of the indexing time (ADR
 * 0021); about 0.18 µs for a short word since its key blocks are hashed once (ADR 0026). Word
 * frequencies follow Zipf's law, so when indexing, a direct-mapped cache of {@value
 * #CACHE_SLOTS} word→term slots (256 KB) answers most tokens: about 73 % of the running
 * words of English-like text (Zipf exponent 1.07 over 50,000 words). 16,384 slots would answer
 * 85 % but, measured in a whole build, saved nothing: their 1 MB per field and thread crowds
 * Lucene's own data out of the processor caches (ADR 0025). The cache is confined to this
 * filter, so to one thread and one field; it holds only words of up to {@value
 * #MAX_CACHED_CHARS} characters; and it is emptied at the next token stream after the index
 * commits ({@link TermHasher#forgetCachedWords()}), so plain words stay in the heap no longer
 * than one indexing batch, no longer than the decrypted messages they came from. A query
 * analyzer is built without the cache: no search leaves its words behind.
 */
final class KeyedHashFilter extends TokenFilter {

    static final int CACHE_SLOTS = 4_096;
    static final int MAX_CACHED_CHARS = 24;

    /**
     * A slot is one 64-byte cache line of {@link #cache}: the word's length (0: empty), up to
     * {@value #MAX_CACHED_CHARS} characters, then its term's {@value TermHasher#TERM_BYTES} bytes
     * packed two to a char. One array, not an object per word: a lookup touches one line, where
     * a {@code char[]} per word cost a cache miss on most tokens (ADR 0025's profile).
     */
    private static final int SLOT_CHARS = 32;

    private static final int TERM_AT = 1 + MAX_CACHED_CHARS;
    private static final int TERM_CHARS = TermHasher.TERM_BYTES / 2;

    private final KeyedTermAttributeImpl term;
    private final TermHasher hasher;
    private final TermHasher.Sink sink;
    private final byte[] hashed = new byte[TermHasher.TERM_BYTES];
    private final boolean caching;
    /** {@value #CACHE_SLOTS} slots of {@value #SLOT_CHARS} chars; allocated at the first cached word. */
    private char[] cache;

    private long cacheGeneration;

    /**
     * @param input a chain whose tokenizer was made with {@link KeyedTermAttributeImpl#FACTORY},
     *     so that the hash bytes are what Lucene indexes
     * @throws IllegalArgumentException otherwise: Lucene would index the words themselves
     */
    KeyedHashFilter(TokenStream input, TermHasher hasher, boolean caching) {
        super(input);
        if (!(addAttribute(CharTermAttribute.class) instanceof KeyedTermAttributeImpl keyed)
                || getAttribute(TermToBytesRefAttribute.class) != keyed) {
            throw new IllegalArgumentException(
                    "The tokenizer must be created with KeyedTermAttributeImpl.FACTORY, or the words would be indexed");
        }
        this.term = keyed;
        this.hasher = hasher;
        this.sink = new TermHasher.Sink(hasher.newHmac());
        this.caching = caching;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        if (cache != null && cacheGeneration != hasher.cacheGeneration()) {
            Arrays.fill(cache, '\0'); // the words, not only their lengths, leave the heap
        }
        cacheGeneration = hasher.cacheGeneration();
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] word = term.buffer();
        int length = term.length();
        if (!caching || length == 0 || length > MAX_CACHED_CHARS) { // 0 marks an empty slot
            sink.hash(word, length, hashed, 0);
            term.setHash(hashed, 0);
            return true;
        }
        if (cache == null) {
            cache = new char[CACHE_SLOTS * SLOT_CHARS];
        }
        int at = slot(word, length) * SLOT_CHARS;
        if (cache[at] == length && Arrays.equals(cache, at + 1, at + 1 + length, word, 0, length)) {
            for (int i = 0; i < TERM_CHARS; i++) {
                char packed = cache[at + TERM_AT + i];
                hashed[2 * i] = (byte) (packed >>> 8);
                hashed[2 * i + 1] = (byte) packed;
            }
        } else {
            sink.hash(word, length, hashed, 0);
            cache[at] = (char) length;
            System.arraycopy(word, 0, cache, at + 1, length);
            for (int i = 0; i < TERM_CHARS; i++) {
                cache[at + TERM_AT + i] = (char) (((hashed[2 * i] & 0xFF) << 8) | (hashed[2 * i + 1] & 0xFF));
            }
        }
        term.setHash(hashed, 0);
        return true;
    }

    /** How many words the cache holds now (for tests). */
    int cachedWords() {
        int count = 0;
        if (cache != null) {
            for (int at = 0; at < cache.length; at += SLOT_CHARS) {
                count += cache[at] == 0 ? 0 : 1;
            }
        }
        return count;
    }

    /**
     * A plain multiplicative hash; a crafted text can only make slots collide, which costs an
     * HMAC, never a wrong term.
     */
    private static int slot(char[] word, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + word[i];
        }
        h *= 0x9E3779B1;
        return (h ^ (h >>> 16)) & (CACHE_SLOTS - 1);
    }
}
