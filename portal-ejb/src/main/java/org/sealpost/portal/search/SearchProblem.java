package org.sealpost.portal.search;

import org.sealpost.search.QueryProblem;

/**
 * What can be wrong with a search, as the portal's pages name it: one constant per problem of
 * the search index ({@link QueryProblem}), so the web layer needs nothing of the index's types
 * and every problem has its sentence in each bundle.
 */
public enum SearchProblem {
    BLANK,
    NO_WORDS,
    TOO_LONG,
    TOO_MANY_TERMS,
    TOO_DEEP,
    UNBALANCED_QUOTES,
    UNCLOSED_PARENTHESIS,
    UNOPENED_PARENTHESIS,
    EMPTY_PARENTHESES,
    LONE_MINUS,
    DANGLING_AND,
    DANGLING_OR,
    DANGLING_NOT,
    WILDCARD,
    FUZZY,
    REGEX,
    RANGE,
    NOTHING_AFTER_PREFIX;

    static SearchProblem of(QueryProblem problem) {
        return valueOf(problem.name());
    }
}
