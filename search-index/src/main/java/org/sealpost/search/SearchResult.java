package org.sealpost.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of a search.
 *
 * @param totalHits how many of the account's messages match, across all pages (exact)
 * @param hits this page, in the requested {@link SearchOrder}
 */
public record SearchResult(long totalHits, List<Hit> hits) {

    public SearchResult {
        if (totalHits < 0) {
            throw new IllegalArgumentException("totalHits must not be negative: " + totalHits);
        }
        hits = List.copyOf(hits);
    }

    /** The ids of this page's messages, in order. */
    public List<String> messageIds() {
        return hits.stream().map(Hit::messageId).toList();
    }

    /**
     * One matching message.
     *
     * @param messageId the id given to {@link MessageIndex#index}
     * @param receivedAt when it was received, to the millisecond
     * @param score how well it matches; comparable only within one search
     */
    public record Hit(String messageId, Instant receivedAt, float score) {
        public Hit {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }
}
