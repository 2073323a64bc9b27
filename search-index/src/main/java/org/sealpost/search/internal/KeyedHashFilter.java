package org.sealpost.search.internal;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;

/**
 * Replaces each token's term by its keyed hash, {@value TermHasher#TERM_BYTES} raw bytes (ADR
 * 0028), leaving its position untouched so that phrase queries still line words up. It must be
 * the last filter: whatever follows sees an empty text and a binary term.
 *
 * <p>Every token is hashed afresh. SipHash-2-4 costs about 40 ns for a short word, less than a
 * look-up in the word cache that HMAC-SHA256 needed (ADR 0021, 0025: ~250 ns a word, so a cache
 * of the frequent words' terms answered 73 % of the tokens); measured in a whole build, the
 * cache now only cost time (docs/BENCHMARKS.md), so it is gone, and with it every plain word it
 * kept in the heap until the next commit.
 */
final class KeyedHashFilter extends TokenFilter {

    private final KeyedTermAttributeImpl term;
    private final TermHasher.Sink sink;
    private final byte[] hashed = new byte[TermHasher.TERM_BYTES];

    /**
     * @param input a chain whose tokenizer was made with {@link KeyedTermAttributeImpl#FACTORY},
     *     so that the hash bytes are what Lucene indexes
     * @throws IllegalArgumentException otherwise: Lucene would index the words themselves
     */
    KeyedHashFilter(TokenStream input, TermHasher hasher) {
        super(input);
        if (!(addAttribute(CharTermAttribute.class) instanceof KeyedTermAttributeImpl keyed)
                || getAttribute(TermToBytesRefAttribute.class) != keyed) {
            throw new IllegalArgumentException(
                    "The tokenizer must be created with KeyedTermAttributeImpl.FACTORY, or the words would be indexed");
        }
        this.term = keyed;
        this.sink = hasher.newSink();
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        sink.hash(term.buffer(), term.length(), hashed, 0);
        term.setHash(hashed, 0);
        return true;
    }
}
