package org.sealpost.portal.search;

import jakarta.ejb.ApplicationException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A search that cannot run, named by {@link SearchProblem} so the page says why in the reader's
 * language (the resource bundle's {@code search.problem.<NAME>}), with the limit or the field
 * prefix the sentence names. Nothing is rolled back: a search changes nothing.
 */
@ApplicationException(rollback = false)
public class UnsearchableQueryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SearchProblem problem;
    private final String fieldPrefix;
    private final Integer limit;

    UnsearchableQueryException(
            SearchProblem problem, Optional<String> fieldPrefix, OptionalInt limit, String englishSentence) {
        super(englishSentence);
        this.problem = problem;
        this.fieldPrefix = fieldPrefix.orElse(null);
        this.limit = limit.isPresent() ? limit.getAsInt() : null;
    }

    public SearchProblem problem() {
        return problem;
    }

    /** For {@link SearchProblem#NOTHING_AFTER_PREFIX}: the prefix typed ({@code from}). */
    public Optional<String> fieldPrefix() {
        return Optional.ofNullable(fieldPrefix);
    }

    /** For the limits ({@link SearchProblem#TOO_LONG} and the like): the number. */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** A word that fits after the prefix in the sentence's example ({@code from:alice}). */
    public String example() {
        return fieldPrefix == null ? "" : org.sealpost.search.QueryProblem.example(fieldPrefix);
    }
}
