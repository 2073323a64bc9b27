package org.sealpost.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.portal.search.SearchProblem;
import org.sealpost.portal.search.UnsearchableQueryException;
import org.sealpost.web.format.BundleTexts;

/**
 * Each way a search can fail has its sentence in every language, with its numbers in the reader's
 * form, and the page says it from the bundle with the place and the text at fault.
 */
class SearchProblemTextsTest {

    private static final String BASE = "org.sealpost.web.messages";
    private static final SearchProblemTexts ENGLISH = new SearchProblemTexts(BundleTexts.of(Locale.ENGLISH));
    private static final SearchProblemTexts GERMAN = new SearchProblemTexts(BundleTexts.of(Locale.GERMAN));

    static List<SearchProblem> everyProblem() {
        return SearchProblem.all();
    }

    @ParameterizedTest
    @MethodSource("everyProblem")
    void everyProblemHasASentenceInEnglishAndGerman(SearchProblem problem) {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            String pattern = ResourceBundle.getBundle(BASE, locale).getString("search.problem." + problem.name());
            String sentence = new MessageFormat(pattern, locale).format(new Object[] {1000, "from", "alice", 7});
            assertThat(sentence).isNotBlank().doesNotContain("{").endsWith(".");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOO_LONG", "TOO_MANY_TERMS", "TOO_DEEP"})
    void limitsAreNumbersInTheReadersForm(SearchProblem problem) {
        UnsearchableQueryException e = refusal(problem, OptionalInt.of(1000), OptionalInt.empty(), null);

        assertThat(ENGLISH.sentence(e)).contains("1,000");
        assertThat(GERMAN.sentence(e)).contains("1.000");
    }

    /** The page names the word, the prefix or the character (counted from 1) at fault, German too. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            REGEX                |    8 | /inv.*/ | Regular-expression search (/.../) is not supported: search for whole words instead of “/inv.*/”. | Suche mit regulären Ausdrücken (/.../) wird nicht unterstützt: Suchen Sie nach ganzen Wörtern statt nach „/inv.*/“.
            UNCLOSED_PARENTHESIS | 1233 | (       | Unbalanced parentheses in your search: the “(” at character 1,234 is never closed.     | Klammern ohne Gegenstück: Die „(“ bei Zeichen 1.234 wird nicht geschlossen.
            NOTHING_AFTER_PREFIX |    0 | subject | Write what to look for right after “subject:”, without a space, as in subject:invoice.  | Schreiben Sie das Gesuchte direkt hinter „subject:“, ohne Leerzeichen, etwa subject:rechnung.
            """)
    void theSentenceNamesWhatIsAtFaultInTheReadersLanguage(
            SearchProblem problem, int position, String term, String english, String german) {
        UnsearchableQueryException e = refusal(problem, OptionalInt.empty(), OptionalInt.of(position), term);

        assertThat(ENGLISH.sentence(e)).isEqualTo(english);
        assertThat(GERMAN.sentence(e)).isEqualTo(german);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from", "to", "cc", "subject", "body", "attachment", "in"})
    void everyFieldPrefixHasAnExampleWordInEnglishAndGerman(String prefix) {
        UnsearchableQueryException e =
                refusal(new SearchProblem("NOTHING_AFTER_PREFIX"), OptionalInt.empty(), OptionalInt.of(0), prefix);
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            assertThat(ResourceBundle.getBundle(BASE, locale).containsKey("search.example." + prefix))
                    .as("search.example.%s in %s", prefix, locale)
                    .isTrue();
        }
        assertThat(ENGLISH.sentence(e)).contains(prefix + ":").doesNotContain(prefix + ":.");
    }

    private static UnsearchableQueryException refusal(
            SearchProblem problem, OptionalInt limit, OptionalInt position, String term) {
        return new UnsearchableQueryException(problem, limit, position, Optional.ofNullable(term), problem.name());
    }
}
