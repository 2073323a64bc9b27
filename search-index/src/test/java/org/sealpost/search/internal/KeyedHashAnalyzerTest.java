package org.sealpost.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.BytesRef;
import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class KeyedHashAnalyzerTest {

    private final KeyedHashAnalyzer analyzer = new KeyedHashAnalyzer(new TermHasher(LuceneMessageIndexTest.KEY));

    @Test
    void everyTokenBecomesTheEightBytesOfItsSipHash() throws Exception {
        List<BytesRef> terms = terms(analyzer, "body", "Quarterly report: Grüße");

        // index format 3 (ADR 0028), computed here from its definition, not by the code under test:
        // SipHash-2-4 under the first 16 bytes of HMAC-SHA256(index key,
        // "sealpost-search-index/term-key/siphash-2-4/v3"), its 8 bytes little-endian
        assertThat(terms)
                .containsExactly(formatThreeTerm("quarterly"), formatThreeTerm("report"), formatThreeTerm("grusse"));
        assertThat(terms).doesNotContain(formatTwoTerm("quarterly"));
    }

    /**
     * The SipHash the terms are made with gives the paper's own test vector (Aumasson and
     * Bernstein, "SipHash: a fast short-input PRF", appendix A: key 00..0f, message 00..0e), its
     * bytes in the order the index stores them.
     */
    @Test
    void theTermsSipHashAnswersThePapersTestVectorLittleEndian() {
        byte[] key = new byte[16];
        byte[] message = new byte[15];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        System.arraycopy(key, 0, message, 0, message.length);
        assertThat(HexFormat.of().formatHex(sipHash24(key, message))).isEqualTo("e545be4961ca29a1");
    }

    @Test
    void theTokenTextIsEmptiedSoNothingAfterTheHashSeesTheWord() throws IOException {
        try (TokenStream stream = analyzer.tokenStream("body", "Quarterly report")) {
            CharTermAttribute text = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                assertThat(text.length()).isZero();
            }
            stream.end();
        }
    }

    @Test
    void aChainWhoseTokenizerDoesNotCarryKeyedTermsIsRefused() {
        Tokenizer plain = KeyedHashAnalyzer.tokenizerFor("body", TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY);
        TermHasher hasher = new TermHasher(LuceneMessageIndexTest.KEY);

        assertThatThrownBy(() -> new KeyedHashFilter(KeyedHashAnalyzer.normalised(plain), hasher))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("words would be indexed");
    }

    @Test
    void aCapturedAndRestoredTokenKeepsItsHash() throws IOException {
        // QueryBuilder caches a query's tokens (CachingTokenFilter) before it builds a phrase
        try (TokenStream stream = new CachingTokenFilter(analyzer.tokenStream("body", "quarterly report"))) {
            TermToBytesRefAttribute term = stream.addAttribute(TermToBytesRefAttribute.class);
            List<BytesRef> replayed = new ArrayList<>();
            stream.reset();
            while (stream.incrementToken()) {
                // the first pass fills the cache
            }
            stream.reset();
            while (stream.incrementToken()) {
                replayed.add(BytesRef.deepCopyOf(term.getBytesRef()));
            }
            stream.end();
            assertThat(replayed).containsExactly(formatThreeTerm("quarterly"), formatThreeTerm("report"));
        }
    }

    /** A term of index format 3 (ADR 0028), from its definition. */
    static BytesRef formatThreeTerm(String normalisedWord) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(LuceneMessageIndexTest.KEY, "HmacSHA256"));
            byte[] termKey = Arrays.copyOf(
                    derive.doFinal("sealpost-search-index/term-key/siphash-2-4/v3".getBytes(StandardCharsets.US_ASCII)),
                    16);
            return new BytesRef(sipHash24(termKey, normalisedWord.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] sipHash24(byte[] key, byte[] message) {
        SipHash sipHash = new SipHash(2, 4);
        sipHash.init(new KeyParameter(key));
        sipHash.update(message, 0, message.length);
        byte[] out = new byte[8];
        sipHash.doFinal(out, 0);
        return out;
    }

    /** A term of index format 2 (ADR 0025): 12 bytes of HMAC-SHA256, for the tests of older indexes. */
    static BytesRef formatTwoTerm(String normalisedWord) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(LuceneMessageIndexTest.KEY, "HmacSHA256"));
            byte[] termKey = derive.doFinal("sealpost-search-index/term-key/v1".getBytes(StandardCharsets.US_ASCII));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(termKey, "HmacSHA256"));
            return new BytesRef(Arrays.copyOf(mac.doFinal(normalisedWord.getBytes(StandardCharsets.UTF_8)), 12));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void positionsAreKeptSoPhrasesStillLineUp() throws IOException {
        List<Integer> increments = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", "one, two -- three")) {
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                increments.add(increment.getPositionIncrement());
            }
            stream.end();
        }
        assertThat(increments).containsExactly(1, 1, 1);
    }

    @Test
    void aWordHashesAlikeInEveryFieldWhateverItsCaseOrAccents() throws IOException {
        assertThat(terms(analyzer, "from", "MÜLLER"))
                .isEqualTo(terms(analyzer, "body", "muller"))
                .isEqualTo(terms(analyzer, "attachment", "Müller"));
    }

    @Test
    void anotherKeyGivesOtherTerms() throws IOException {
        KeyedHashAnalyzer other = new KeyedHashAnalyzer(
                new TermHasher("another-key-of-32-bytes-length!!".getBytes(StandardCharsets.US_ASCII)));

        assertThat(terms(other, "body", "invoice")).isNotEqualTo(terms(analyzer, "body", "invoice"));
    }

    @Test
    void addressFieldsSplitAtEveryNonAlphanumericButProseKeepsDomains() throws IOException {
        assertThat(terms(analyzer, "from", "alice@example.com")).hasSize(3);
        assertThat(terms(analyzer, "body", "alice@example.com")).hasSize(2);
    }

    @Test
    void anEmptyTokenIsHashedLikeAnyOtherWord() throws IOException {
        // no tokenizer of ours emits one, but the filter must not depend on that
        Tokenizer emptyTokens = new Tokenizer(KeyedTermAttributeImpl.FACTORY) {
            private final CharTermAttribute text = addAttribute(CharTermAttribute.class);
            private int left;

            @Override
            public boolean incrementToken() {
                clearAttributes();
                text.setEmpty();
                return left-- > 0;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                left = 2;
            }
        };
        KeyedHashFilter filter = new KeyedHashFilter(emptyTokens, new TermHasher(LuceneMessageIndexTest.KEY));
        TermToBytesRefAttribute term = filter.getAttribute(TermToBytesRefAttribute.class);
        List<BytesRef> terms = new ArrayList<>();
        emptyTokens.setReader(new StringReader(""));
        filter.reset();
        while (filter.incrementToken()) {
            terms.add(BytesRef.deepCopyOf(term.getBytesRef()));
        }
        filter.end();
        filter.close();

        assertThat(terms).containsExactly(formatThreeTerm(""), formatThreeTerm(""));
    }

    /** The terms as Lucene indexes them. */
    private static List<BytesRef> terms(KeyedHashAnalyzer analyzer, String field, String text) throws IOException {
        List<BytesRef> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            TermToBytesRefAttribute term = stream.addAttribute(TermToBytesRefAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(BytesRef.deepCopyOf(term.getBytesRef()));
            }
            stream.end();
        }
        return terms;
    }
}
