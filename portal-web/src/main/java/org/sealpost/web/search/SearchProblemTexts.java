package org.sealpost.web.search;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.sealpost.portal.search.UnsearchableQueryException;

/**
 * Why a search cannot run, in the reader's language: the sentence of {@code
 * search.problem.<CODE>} filled with {0} the limit, {1} the text at fault as typed, {2} an
 * example word for a field prefix ({@code search.example.<prefix>}) and {3} the character of the
 * search at fault, counted from 1. The exception's own message is for the log and is not shown.
 */
final class SearchProblemTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    SearchProblemTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    String sentence(UnsearchableQueryException e) {
        String term = e.term().orElse("");
        return new MessageFormat(
                        bundle.getString("search.problem." + e.problem().name()), locale)
                .format(new Object[] {
                    e.limit().orElse(0), term, example(term), e.column().orElse(0)
                });
    }

    /** A word that fits after {@code prefix:}, in the reader's language where the word is one. */
    private String example(String prefix) {
        String key = "search.example." + prefix;
        return bundle.getString(bundle.containsKey(key) ? key : "search.example");
    }
}
