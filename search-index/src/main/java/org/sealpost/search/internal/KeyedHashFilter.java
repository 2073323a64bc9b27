package org.sealpost.search.internal;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces each token's text by its keyed hash, leaving its position untouched so that phrase
 * queries still line words up. It must be the last filter: whatever follows sees hashes.
 *
 * <p>HMAC-SHA256 costs about 0.25 µs a token, which was nearly half of the indexing time (ADR
 * 0021). Word frequencies follow Zipf's law, so when indexing, a small direct-mapped cache of
 * {@value #CACHE_SLOTS} word→term slots answers most tokens (the 4,096 most frequent words
 * are about 84 % of the running words of English-like text). The cache is confined to this
 * filter, so to one thread and one field; it holds only words of up to {@value
 * #MAX_CACHED_CHARS} characters; and it is emptied at the next token stream after the index
 * commits ({@link TermHasher#forgetCachedWords()}), so plain words stay in the heap no longer
 * than one indexing batch, no longer than the decrypted messages they came from. A query
 * analyzer is built without the cache: no search leaves its words behind.
 */
final class KeyedHashFilter extends TokenFilter {

    static final int CACHE_SLOTS = 4_096;
    static final int MAX_CACHED_CHARS = 24;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermHasher hasher;
    private final TermHasher.Sink sink;
    private final char[] hashed = new char[TermHasher.TERM_CHARS];
    private final boolean caching;
    /** Slot i holds words[i] and its term terms[i]; allocated at the first cached word. */
    private char[][] words;

    private char[][] terms;
    private long cacheGeneration;

    KeyedHashFilter(TokenStream input, TermHasher hasher, boolean caching) {
        super(input);
        this.hasher = hasher;
        this.sink = new TermHasher.Sink(hasher.newMac());
        this.caching = caching;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        if (words != null && cacheGeneration != hasher.cacheGeneration()) {
            Arrays.fill(words, null);
            Arrays.fill(terms, null);
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
        if (!caching || length > MAX_CACHED_CHARS) {
            sink.hash(word, length, hashed);
            term.copyBuffer(hashed, 0, hashed.length);
            return true;
        }
        if (words == null) {
            words = new char[CACHE_SLOTS][];
            terms = new char[CACHE_SLOTS][];
        }
        int slot = slot(word, length);
        char[] cached = words[slot];
        if (cached == null || !Arrays.equals(cached, 0, cached.length, word, 0, length)) {
            char[] computed = new char[TermHasher.TERM_CHARS];
            sink.hash(word, length, computed);
            words[slot] = Arrays.copyOf(word, length);
            terms[slot] = computed;
        }
        term.copyBuffer(terms[slot], 0, TermHasher.TERM_CHARS);
        return true;
    }

    /** How many words the cache holds now (for tests). */
    int cachedWords() {
        int count = 0;
        if (words != null) {
            for (char[] word : words) {
                count += word == null ? 0 : 1;
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
