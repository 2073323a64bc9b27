package org.sealpost.portal.administration;

/**
 * One page of a console list: which page it is (counted from 0), how long a page is and how many
 * rows match in all. The account and mail-queue lists share the arithmetic; only their rows differ.
 */
public interface ListPage {

    long total();

    int page();

    int pageSize();

    /** At least one, so an empty list still reads "page 1 of 1". */
    default int pages() {
        return (int) Math.max(1, (total() + pageSize() - 1) / pageSize());
    }

    default boolean hasPrevious() {
        return page() > 0;
    }

    default boolean hasNext() {
        return page() + 1 < pages();
    }
}
