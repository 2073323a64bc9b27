package org.sealpost.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sealpost.search.QueryProblem;

class SearchProblemTest {

    @Test
    void everyProblemOfTheIndexHasItsPortalNameInTheIndexsOrder() {
        assertThat(SearchProblem.all().stream().map(SearchProblem::name))
                .containsExactlyElementsOf(
                        Arrays.stream(QueryProblem.values()).map(Enum::name).toList());
        assertThat(SearchProblem.of(QueryProblem.TOO_DEEP)).isEqualTo(new SearchProblem("TOO_DEEP"));
    }

    @Test
    void noProblemIsInventedHere() {
        assertThatThrownBy(() -> new SearchProblem("TOO_SLOW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchProblem("too_long")).isInstanceOf(IllegalArgumentException.class);
    }
}
