package org.sealpost.search.internal;

import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PackedTokenAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.BytesRef;

/**
 * A token whose term, once {@link KeyedHashFilter} has set it, is the {@value
 * TermHasher#TERM_BYTES} raw bytes of its keyed hash rather than the UTF-8 of its characters
 * (index format 2, ADR 0025).
 *
 * <p>Lucene indexes and queries whatever {@link TermToBytesRefAttribute#getBytesRef()} returns,
 * and a token stream has one implementation of that attribute, the one behind its {@code
 * CharTermAttribute}. So the tokenizer is created with {@link #FACTORY}, and this implementation
 * answers with the hash bytes when there are some: the way Lucene's own collation analysis
 * ({@code CollationAttributeFactory}, {@code CollatedTermAttributeImpl}) turns words into binary
 * sort keys. The filters before the hash see characters as usual; {@link #clear()}, which the
 * tokenizer calls for every token, forgets the hash.
 */
final class KeyedTermAttributeImpl extends PackedTokenAttributeImpl {

    /**
     * Makes this class the one implementation of every attribute {@link PackedTokenAttributeImpl}
     * implements (term, offsets, positions, type, frequency), as {@link
     * TokenStream#DEFAULT_TOKEN_ATTRIBUTE_FACTORY} does for its own class; others go to Lucene's
     * default.
     */
    static final AttributeFactory FACTORY =
            new AttributeFactory.StaticImplementationAttributeFactory<KeyedTermAttributeImpl>(
                    AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, KeyedTermAttributeImpl.class) {
                @Override
                protected KeyedTermAttributeImpl createInstance() {
                    return new KeyedTermAttributeImpl();
                }
            };

    private byte[] hash = new byte[TermHasher.TERM_BYTES];
    private BytesRef hashRef = new BytesRef(hash);
    private boolean hashed;

    /**
     * Makes the term the {@value TermHasher#TERM_BYTES} bytes at {@code source[offset..]} and
     * empties the characters, so that nothing after the hash still sees the word.
     */
    void setHash(byte[] source, int offset) {
        System.arraycopy(source, offset, hash, 0, TermHasher.TERM_BYTES);
        hashed = true;
        setEmpty();
    }

    @Override
    public BytesRef getBytesRef() {
        return hashed ? hashRef : super.getBytesRef();
    }

    @Override
    public void clear() {
        super.clear();
        hashed = false;
    }

    @Override
    public KeyedTermAttributeImpl clone() {
        KeyedTermAttributeImpl copy = (KeyedTermAttributeImpl) super.clone();
        copy.hash = hash.clone();
        copy.hashRef = new BytesRef(copy.hash);
        return copy;
    }

    /** Also what {@code captureState}/{@code restoreState} use (QueryBuilder caches tokens). */
    @Override
    public void copyTo(AttributeImpl target) {
        super.copyTo(target);
        if (target instanceof KeyedTermAttributeImpl keyed) {
            System.arraycopy(hash, 0, keyed.hash, 0, TermHasher.TERM_BYTES);
            keyed.hashed = hashed;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyedTermAttributeImpl keyed
                && super.equals(other)
                && hashed == keyed.hashed
                && (!hashed || Arrays.equals(hash, keyed.hash));
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + (hashed ? Arrays.hashCode(hash) : 0);
    }
}
