package org.sealpost.portal.search;

import java.util.List;

/**
 * One page of a search.
 *
 * @param total how many of the account's messages match, across all pages
 * @param lines this page, best match first
 */
public record SearchResults(long total, List<SearchLine> lines) {

    public SearchResults {
        lines = List.copyOf(lines);
    }
}
