package org.sealpost.portal.changes;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generation number per table that grows whenever the table may have changed: a value read
 * from the table at one generation may be served from memory for as long as
 * {@link #generation(String)} still answers the same number.
 *
 * <p>Take the generation <em>before</em> reading the table: a change committed during the read
 * then raises it, and the next use reads again. A notification is only sent once the writing
 * transaction has committed, so a read that starts after it sees the change.
 *
 * <p>While no connection is listening (before the first one, after one broke) nothing would be
 * told of a change, so every call answers a new generation and nothing is served from memory:
 * the node reads the table on every use, as it did before there was a signal.
 */
public final class ChangeSignal {

    /** The channel V19's triggers notify; the payload is the table's name. */
    public static final String CHANNEL = "sealpost_change";

    private final ConcurrentHashMap<String, AtomicLong> tables = new ConcurrentHashMap<>();
    private final AtomicLong everything = new AtomicLong();
    private volatile boolean listening;

    /** The table's current generation; equal answers mean no change was signalled in between. */
    public long generation(String table) {
        if (!listening) {
            return everything.incrementAndGet();
        }
        return everything.get() + counter(table).get();
    }

    /** {@code table} changed (a notification, or a change committed on this node). */
    public void changed(String table) {
        counter(table).incrementAndGet();
    }

    /** Anything may have changed: the safety poll, or a listening connection (re)established. */
    public void anythingMayHaveChanged() {
        everything.incrementAndGet();
    }

    /** Whether a connection is listening, so that values may be kept between notifications. */
    public boolean listening() {
        return listening;
    }

    void listening(boolean now) {
        // Whichever way it turns, what was read before may be stale.
        everything.incrementAndGet();
        listening = now;
        everything.incrementAndGet();
    }

    private AtomicLong counter(String table) {
        return tables.computeIfAbsent(table, t -> new AtomicLong());
    }
}
