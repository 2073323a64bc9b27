package org.sealpost.web.search;

import org.sealpost.portal.search.UnsearchableQueryException;
import org.sealpost.web.format.BundleTexts;

/**
 * Why a search cannot run, in the reader's language: the sentence of {@code
 * search.problem.<CODE>} filled with {0} the limit, {1} the text at fault as typed, {2} an
 * example word for a field prefix ({@code search.example.<prefix>}) and {3} the character of the
 * search at fault, counted from 1. The exception's own message is for the log and is not shown.
 */
final class SearchProblemTexts {

    private final BundleTexts texts;

    SearchProblemTexts(BundleTexts texts) {
        this.texts = texts;
    }

    String sentence(UnsearchableQueryException e) {
        String term = e.term().orElse("");
        return texts.format(
                "search.problem." + e.problem().name(),
                e.limit().orElse(0),
                term,
                example(term),
                e.column().orElse(0));
    }

    /** A word that fits after {@code prefix:}, in the reader's language where the word is one. */
    private String example(String prefix) {
        String key = "search.example." + prefix;
        return texts.get(texts.has(key) ? key : "search.example");
    }
}
