package org.sealpost.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.search.SearchProblem;

/** Each way a search can fail has its sentence in every language, with its numbers in the reader's form. */
class SearchProblemTextsTest {

    @ParameterizedTest
    @EnumSource(SearchProblem.class)
    void everyProblemHasASentenceInEnglishAndGerman(SearchProblem problem) {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            String pattern = ResourceBundle.getBundle("org.sealpost.web.messages", locale)
                    .getString("search.problem." + problem.name());
            String sentence = new MessageFormat(pattern, locale).format(new Object[] {1000, "from", "alice"});
            assertThat(sentence).isNotBlank().doesNotContain("{").endsWith(".");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SearchProblem.class,
            names = {"TOO_LONG", "TOO_MANY_TERMS", "TOO_DEEP"})
    void limitsAreNumbersInTheReadersForm(SearchProblem problem) {
        String en = new MessageFormat(
                        ResourceBundle.getBundle("org.sealpost.web.messages", Locale.ENGLISH)
                                .getString("search.problem." + problem.name()),
                        Locale.ENGLISH)
                .format(new Object[] {1000, "", ""});
        String de = new MessageFormat(
                        ResourceBundle.getBundle("org.sealpost.web.messages", Locale.GERMAN)
                                .getString("search.problem." + problem.name()),
                        Locale.GERMAN)
                .format(new Object[] {1000, "", ""});
        assertThat(en).contains("1,000");
        assertThat(de).contains("1.000");
    }
}
