package org.sealpost.search;

/**
 * A search the index cannot run: blank, malformed (an unclosed quote, a dangling {@code AND}),
 * too large, or asking for a kind of search that keyed-hash terms cannot support (wildcards,
 * fuzzy, regular expressions, ranges).
 *
 * <p>The message is one plain English sentence meant for the person who typed the search, such
 * as {@code Unbalanced quotes in your search: close each phrase with a second quotation mark.};
 * {@link #problem()} names it for a caller with sentences of its own. It never contains parser
 * internals.
 */
public class InvalidQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final QueryProblem problem;
    private final String fieldPrefix;

    InvalidQueryException(QueryProblem problem, String fieldPrefix, String englishSentence) {
        super(englishSentence);
        this.problem = problem;
        this.fieldPrefix = fieldPrefix;
    }

    /** What is wrong, for a caller that says it in the reader's language. */
    public QueryProblem problem() {
        return problem;
    }

    /** The field prefix of {@link QueryProblem#NOTHING_AFTER_PREFIX} ({@code from}), else empty. */
    public java.util.Optional<String> fieldPrefix() {
        return java.util.Optional.ofNullable(fieldPrefix);
    }
}
