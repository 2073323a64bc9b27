package org.sealpost.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sealpost.search.QueryProblem;

class SearchProblemTest {

    @Test
    void everyProblemOfTheIndexHasItsPortalNameAndNoneIsInventedHere() {
        assertThat(Arrays.stream(QueryProblem.values()).map(SearchProblem::of)).containsExactly(SearchProblem.values());
    }
}
