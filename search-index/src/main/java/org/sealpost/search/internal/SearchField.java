package org.sealpost.search.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text fields of an indexed message, how each is tokenised and how much a match in it
 * counts. A subject match outranks a body match: the subject is the message's own summary.
 */
enum SearchField {
    FROM("from", true, 1.5f),
    TO("to", true, 1.2f),
    CC("cc", true, 1.0f),
    SUBJECT("subject", false, 2.0f),
    BODY("body", false, 1.0f),
    ATTACHMENT("attachment", true, 1.5f);

    private static final Map<String, SearchField> BY_INDEX_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(f -> f.indexName, f -> f));

    /** What a word without a field prefix is looked for in. */
    static final Set<SearchField> ALL = Collections.unmodifiableSet(EnumSet.allOf(SearchField.class));

    /** The field prefixes a user may type, without the colon. */
    static final Map<String, Set<SearchField>> BY_PREFIX = Map.of(
            "from", Set.of(FROM),
            "to", Set.of(TO, CC),
            "cc", Set.of(CC),
            "subject", Set.of(SUBJECT),
            "body", Set.of(BODY),
            "attachment", Set.of(ATTACHMENT));

    private final String indexName;
    private final boolean splitsAtEveryNonAlphanumeric;
    private final float boost;

    SearchField(String indexName, boolean splitsAtEveryNonAlphanumeric, float boost) {
        this.indexName = indexName;
        this.splitsAtEveryNonAlphanumeric = splitsAtEveryNonAlphanumeric;
        this.boost = boost;
    }

    String indexName() {
        return indexName;
    }

    boolean splitsAtEveryNonAlphanumeric() {
        return splitsAtEveryNonAlphanumeric;
    }

    float boost() {
        return boost;
    }

    static SearchField byIndexName(String name) {
        SearchField field = BY_INDEX_NAME.get(name);
        if (field == null) {
            throw new IllegalArgumentException("Not a text field: " + name);
        }
        return field;
    }
}
