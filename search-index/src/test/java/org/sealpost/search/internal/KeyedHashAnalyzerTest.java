package org.sealpost.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class KeyedHashAnalyzerTest {

  private final KeyedHashAnalyzer analyzer =
      new KeyedHashAnalyzer(new TermHasher(LuceneMessageIndexTest.KEY));

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
    KeyedHashAnalyzer other =
        new KeyedHashAnalyzer(
            new TermHasher("another-key-of-32-bytes-length!!".getBytes(StandardCharsets.US_ASCII)));

    assertThat(terms(other, "body", "invoice")).isNotEqualTo(terms(analyzer, "body", "invoice"));
  }

  @Test
  void addressFieldsSplitAtEveryNonAlphanumericButProseKeepsDomains() throws IOException {
    assertThat(terms(analyzer, "from", "alice@example.com")).hasSize(3);
    assertThat(terms(analyzer, "body", "alice@example.com")).hasSize(2);
  }

  private static List<String> terms(KeyedHashAnalyzer analyzer, String field, String text)
      throws IOException {
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
