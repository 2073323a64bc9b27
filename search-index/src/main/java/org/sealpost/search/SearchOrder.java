package org.sealpost.search;

/** The order of a {@link SearchResult}'s hits. */
public enum SearchOrder {
    /** Best match first; equally good matches newest first. The default. */
    RELEVANCE,
    /** Newest first, whatever the score, as a mailbox list is shown. */
    NEWEST_FIRST
}
