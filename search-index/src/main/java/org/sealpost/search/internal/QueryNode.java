package org.sealpost.search.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A parsed search, before it meets the index: what {@link SearchQueryParser} produces. */
sealed interface QueryNode {

    /** A word, or a quoted phrase, to be found in any of the fields. */
    record Text(String text, boolean quoted, Set<SearchField> fields) implements QueryNode {
        public Text {
            fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
        }
    }

    /** {@code in:folder}. */
    record Folder(String name) implements QueryNode {}

    /** {@code -x} or {@code NOT x}. */
    record Not(QueryNode negated) implements QueryNode {}

    /** Every part must match: the implied operator between words, or {@code AND}. */
    record All(List<QueryNode> parts) implements QueryNode {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** {@code OR}: at least one part must match. */
    record Any(List<QueryNode> parts) implements QueryNode {
        public Any {
            parts = List.copyOf(parts);
        }
    }
}
