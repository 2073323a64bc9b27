package org.sealpost.portal.administration;

import java.util.List;
import org.sealpost.portal.outbound.QueueEntry;

/** One page of the undelivered mail, and how many rows match in all. */
public record QueueList(List<QueueEntry> entries, long total, int page, int pageSize) implements ListPage {

    public QueueList {
        entries = List.copyOf(entries);
    }
}
