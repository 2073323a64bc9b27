package org.sealpost.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class KeyedHashAnalyzerTest {

    private final KeyedHashAnalyzer analyzer = new KeyedHashAnalyzer(new TermHasher(LuceneMessageIndexTest.KEY), true);

    @Test
    void everyTokenBecomesASixteenCharacterBase64UrlHash() throws IOException {
        List<String> terms = terms(analyzer, "body", "Quarterly report: Grüße");

        assertThat(terms).hasSize(3).allMatch(term -> term.matches("[A-Za-z0-9_-]{16}"));
        assertThat(terms).doesNotContain("quarterly", "report", "grusse").doesNotHaveDuplicates();
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
            text.append("w").append(i % 5_000).append(i % 7 == 0 ? " the " : " ");
            if (i % 100 == 0) {
                text.append("pneumonoultramicroscopicsilicovolcanoconiosis")
                        .append(i)
                        .append(' ');
            }
        }
        KeyedHashAnalyzer uncached = new KeyedHashAnalyzer(new TermHasher(LuceneMessageIndexTest.KEY), false);

        List<String> cachedTerms = terms(analyzer, "body", text.toString());

        assertThat(cachedTerms).hasSizeGreaterThan(3 * KeyedHashFilter.CACHE_SLOTS);
        assertThat(cachedTerms).isEqualTo(terms(uncached, "body", text.toString()));
    }

    @Test
    void theWordCacheIsEmptiedAtTheFirstTextAfterACommit() throws IOException {
        TermHasher hasher = new TermHasher(LuceneMessageIndexTest.KEY);
        Tokenizer tokenizer = KeyedHashAnalyzer.tokenizerFor("body");
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

    private static List<String> terms(KeyedHashAnalyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
