package org.sealpost.portal.search;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.sealpost.search.QueryProblem;

/**
 * What is wrong with a search, by the name of the search index's code ({@link QueryProblem},
 * which lists and explains them): the web layer needs nothing of the index's types, and says
 * each problem with the bundle's {@code search.problem.<name>}. Serializable, as the exception
 * that carries it ({@link UnsearchableQueryException}) is.
 *
 * @param name the code's name, such as {@code TOO_LONG}
 * @throws IllegalArgumentException when the index has no such code: the portal invents none
 */
public record SearchProblem(String name) implements Serializable {

    public SearchProblem {
        QueryProblem.valueOf(name);
    }

    static SearchProblem of(QueryProblem problem) {
        return new SearchProblem(problem.name());
    }

    /** Every problem a search can have, in the index's order: each wants its sentence in every bundle. */
    public static List<SearchProblem> all() {
        return Arrays.stream(QueryProblem.values()).map(SearchProblem::of).toList();
    }
}
