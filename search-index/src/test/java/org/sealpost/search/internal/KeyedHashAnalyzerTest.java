package org.sealpost.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.junit.jupiter.api.Test;

class KeyedHashAnalyzerTest {

    private final KeyedHashAnalyzer analyzer = new KeyedHashAnalyzer(new TermHasher(LuceneMessageIndexTest.KEY), true);

    @Test
    void everyTokenBecomesTheTwelveRawBytesOfItsKeyedHash() throws Exception {
        List<BytesRef> terms = terms(analyzer, "body", "Quarterly report: Grüße");

        // index format 2 (ADR 0025), computed here from its definition, not by the code under test:
        // HMAC-SHA256 under HMAC-SHA256(index key, "sealpost-search-index/term-key/v1"), 12 bytes
        assertThat(terms).containsExactly(formatTwoTerm("quarterly"), formatTwoTerm("report"), formatTwoTerm("grusse"));
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

        assertThatThrownBy(() -> new KeyedHashFilter(KeyedHashAnalyzer.normalised(plain), hasher, true))
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
            assertThat(replayed).containsExactly(formatTwoTerm("quarterly"), formatTwoTerm("report"));
        }
    }

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
                new TermHasher("another-key-of-32-bytes-length!!".getBytes(StandardCharsets.US_ASCII)), true);

        assertThat(terms(other, "body", "invoice")).isNotEqualTo(terms(analyzer, "body", "invoice"));
    }

    @Test
    void addressFieldsSplitAtEveryNonAlphanumericButProseKeepsDomains() throws IOException {
        assertThat(terms(analyzer, "from", "alice@example.com")).hasSize(3);
        assertThat(terms(analyzer, "body", "alice@example.com")).hasSize(2);
    }

    @Test
    void theWordCacheGivesExactlyTheTermsOfHashingEveryTokenAfresh() throws IOException {
        // more distinct words than cache slots, so slots are shared and overwritten, plus words
        // too long to cache; every term must still be the word's own HMAC
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3 * KeyedHashFilter.CACHE_SLOTS; i++) {
            text.append("w").append(i % (KeyedHashFilter.CACHE_SLOTS + 5_000)).append(i % 7 == 0 ? " the " : " ");
            if (i % 100 == 0) {
                text.append("pneumonoultramicroscopicsilicovolcanoconiosis")
                        .append(i)
                        .append(' ');
            }
        }
        KeyedHashAnalyzer uncached = new KeyedHashAnalyzer(new TermHasher(LuceneMessageIndexTest.KEY), false);

        List<BytesRef> cachedTerms = terms(analyzer, "body", text.toString());

        assertThat(cachedTerms).hasSizeGreaterThan(3 * KeyedHashFilter.CACHE_SLOTS);
        assertThat(cachedTerms).isEqualTo(terms(uncached, "body", text.toString()));
    }

    @Test
    void anEmptyTokenIsHashedNotTakenForAnEmptyCacheSlot() throws IOException {
        // no tokenizer of ours emits one, but a length of 0 is what marks a free slot
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
        KeyedHashFilter filter = new KeyedHashFilter(emptyTokens, new TermHasher(LuceneMessageIndexTest.KEY), true);
        TermToBytesRefAttribute term = filter.getAttribute(TermToBytesRefAttribute.class);
        List<BytesRef> terms = new ArrayList<>();
        emptyTokens.setReader(new StringReader(""));
        filter.reset();
        while (filter.incrementToken()) {
            terms.add(BytesRef.deepCopyOf(term.getBytesRef()));
        }
        filter.end();
        filter.close();

        assertThat(terms).containsExactly(formatTwoTerm(""), formatTwoTerm(""));
    }

    @Test
    void theWordCacheIsEmptiedAtTheFirstTextAfterACommit() throws IOException {
        TermHasher hasher = new TermHasher(LuceneMessageIndexTest.KEY);
        Tokenizer tokenizer = KeyedHashAnalyzer.tokenizerFor("body", KeyedTermAttributeImpl.FACTORY);
        KeyedHashFilter filter = new KeyedHashFilter(KeyedHashAnalyzer.normalised(tokenizer), hasher, true);
        consume(filter, tokenizer, "the secret merger with Globex is off");
        assertThat(filter.cachedWords()).isEqualTo(7);

        consume(filter, tokenizer, "the merger");
        assertThat(filter.cachedWords()).as("no commit yet: the words stay").isEqualTo(7);

        hasher.forgetCachedWords();
        consume(filter, tokenizer, "lunch");
        assertThat(filter.cachedWords()).as("only the text after the commit").isEqualTo(1);
    }

    private static void consume(TokenStream stream, Tokenizer tokenizer, String text) throws IOException {
        tokenizer.setReader(new StringReader(text));
        stream.reset();
        while (stream.incrementToken()) {
            // the terms themselves are checked elsewhere
        }
        stream.end();
        stream.close();
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
