package org.sealpost.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.util.AttributeFactory;

/**
 * Tokenise, fold accents, lower-case, hash: the one analysis used both to index and to query,
 * so a word typed in the search box becomes the same opaque term its occurrence in a message
 * did.
 *
 * <p>Prose fields (subject, body) use Unicode word boundaries ({@link StandardTokenizer}).
 * Address and file-name fields split at every character that is not a letter or digit, so that
 * {@code from:example} finds {@code alice@example.com} and {@code attachment:pdf} finds {@code
 * Q3-report_final.pdf}. Accents are folded before lower-casing because some folds produce upper
 * case letters; {@code Müller}, {@code MULLER} and {@code muller} all give {@code muller}.
 */
final class KeyedHashAnalyzer extends Analyzer {

    /** Keeps a phrase from matching across two attachment names. */
    private static final int GAP_BETWEEN_VALUES = 100;

    private final TermHasher hasher;

    KeyedHashAnalyzer(TermHasher hasher) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.hasher = hasher;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = tokenizerFor(fieldName, KeyedTermAttributeImpl.FACTORY);
        return new TokenStreamComponents(tokenizer, new KeyedHashFilter(normalised(tokenizer), hasher));
    }

    /**
     * Where a field's text is split into words.
     *
     * @param attributes {@link KeyedTermAttributeImpl#FACTORY} for hashed terms; the plain
     *     baseline passes Lucene's default
     */
    static Tokenizer tokenizerFor(String fieldName, AttributeFactory attributes) {
        return SearchField.byIndexName(fieldName).splitsAtEveryNonAlphanumeric()
                ? CharTokenizer.fromTokenCharPredicate(attributes, Character::isLetterOrDigit)
                : new StandardTokenizer(attributes);
    }

    /** The words folded and lower-cased: what is hashed (and what the plain baseline indexes). */
    static TokenStream normalised(Tokenizer tokenizer) {
        return new LowerCaseFilter(new ASCIIFoldingFilter(tokenizer));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return GAP_BETWEEN_VALUES;
    }
}
