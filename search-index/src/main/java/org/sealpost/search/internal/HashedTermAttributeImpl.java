package org.sealpost.search.internal;

import org.apache.lucene.analysis.tokenattributes.PackedTokenAttributeImpl;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.BytesRef;

/**
 * The token of the keyed analysis: Lucene's default token attributes (text, offsets, position,
 * type), except that once {@link KeyedHashFilter} has hashed the word, the term Lucene indexes
 * and looks up is the {@value TermHasher#TERM_BYTES} raw bytes of its keyed hash, not the UTF-8
 * of any characters (ADR 0024). Lucene's indexing chain and its {@link
 * org.apache.lucene.util.QueryBuilder} read a token's term only through {@link
 * TermToBytesRefAttribute#getBytesRef()}; Lucene's own collation analysis emits binary terms
 * the same way. After hashing, the token's characters are empty: no later reader of the token
 * sees the word.
 *
 * <p>Public only because Lucene's attribute factory instantiates it reflectively.
 */
public final class HashedTermAttributeImpl extends PackedTokenAttributeImpl {

    /** Makes tokenizers whose tokens can carry a hashed term. */
    static final AttributeFactory FACTORY = AttributeFactory.getStaticImplementation(
            AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, HashedTermAttributeImpl.class);

    private BytesRef hashed = new BytesRef();
    private boolean isHashed;

    public HashedTermAttributeImpl() {}

    /**
     * Makes {@code bytes[offset .. offset + TERM_BYTES)} this token's term, without copying: the
     * caller keeps the bytes unchanged until the next token (Lucene copies a term when it takes
     * it in).
     */
    void setHashedTerm(byte[] bytes, int offset) {
        hashed.bytes = bytes;
        hashed.offset = offset;
        hashed.length = TermHasher.TERM_BYTES;
        isHashed = true;
        setEmpty();
    }

    @Override
    public BytesRef getBytesRef() {
        return isHashed ? hashed : super.getBytesRef();
    }

    @Override
    public void clear() {
        super.clear();
        isHashed = false;
    }

    @Override
    public HashedTermAttributeImpl clone() {
        HashedTermAttributeImpl copy = (HashedTermAttributeImpl) super.clone();
        copy.hashed = BytesRef.deepCopyOf(hashed);
        return copy;
    }

    @Override
    public void copyTo(AttributeImpl target) {
        super.copyTo(target);
        if (target instanceof HashedTermAttributeImpl other) {
            other.hashed = BytesRef.deepCopyOf(hashed);
            other.isHashed = isHashed;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HashedTermAttributeImpl that
                && super.equals(that)
                && isHashed == that.isHashed
                && (!isHashed || hashed.bytesEquals(that.hashed));
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + (isHashed ? hashed.hashCode() : 0);
    }
}
