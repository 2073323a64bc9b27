package org.sealpost.search;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A search the index cannot run: blank, malformed (an unclosed quote, a dangling {@code AND}),
 * too large, or asking for a kind of search that keyed-hash terms cannot support (wildcards,
 * fuzzy, regular expressions, ranges).
 *
 * <p>{@link #problem()} names what is wrong; {@link #position()} and {@link #term()} say where
 * and what, for a caller that words the problem in its reader's language. The message is a short
 * technical description for the log: the code and the position, never the search text, as a
 * search term can be as confidential as the mail it looks for. It never contains parser internals.
 */
public class InvalidQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final QueryProblem problem;
    private final int position;
    private final String term;

    InvalidQueryException(QueryProblem problem, int position, String term) {
        super(position < 0 ? problem.name() : problem.name() + " at index " + position);
        this.problem = problem;
        this.position = position;
        this.term = term;
    }

    /** What is wrong, for a caller that says it in the reader's language. */
    public QueryProblem problem() {
        return problem;
    }

    /** The 0-based index in the query of what is at fault; empty for the search as a whole. */
    public OptionalInt position() {
        return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
    }

    /** The text at fault as typed (the word, operator, parenthesis or field prefix), if one is. */
    public Optional<String> term() {
        return Optional.ofNullable(term);
    }
}
