package org.sealpost.portal.search;

import jakarta.ejb.ApplicationException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A search that cannot run, named by {@link SearchProblem} so the page says why in the reader's
 * language (the resource bundle's {@code search.problem.<NAME>}), with the limit, the place and
 * the text at fault that the sentence names. The message is the index's technical one, for the
 * log: the code and the place, never the search text. Nothing is rolled back: a search changes
 * nothing.
 */
@ApplicationException(rollback = false)
public class UnsearchableQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SearchProblem problem;
    private final Integer limit;
    private final Integer position;
    private final String term;

    public UnsearchableQueryException(
            SearchProblem problem, OptionalInt limit, OptionalInt position, Optional<String> term, String logMessage) {
        super(logMessage);
        this.problem = problem;
        this.limit = limit.isPresent() ? limit.getAsInt() : null;
        this.position = position.isPresent() ? position.getAsInt() : null;
        this.term = term.orElse(null);
    }

    public SearchProblem problem() {
        return problem;
    }

    /** For the limits ({@code TOO_LONG} and the like): the number. */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** The 1-based character of the search at fault, as a reader counts; empty for the search as a whole. */
    public OptionalInt column() {
        return position == null ? OptionalInt.empty() : OptionalInt.of(position + 1);
    }

    /**
     * The text at fault as typed: the word with a wildcard, the operator, the parenthesis, the
     * field prefix of {@code NOTHING_AFTER_PREFIX} ({@code from}).
     */
    public Optional<String> term() {
        return Optional.ofNullable(term);
    }
}
