package org.sealpost.portal.message;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.view.ParsedMessage;

/**
 * The messages recipients have just opened, decrypted and parsed, so that the page's inline
 * images and downloads are served from the one reading the page made instead of decrypting and
 * parsing the whole message again per request (a 25 MiB message with ten inline images was
 * read eleven times).
 *
 * <p>Bounded three ways: at most {@link #MAX_BYTES} of messages in all, {@link #MAX_ENTRIES}
 * of them, and none kept longer than {@link #IDLE} after its last use; least recently used
 * goes first. Keyed by (entry, account): the caller still finds the entry by both for every
 * request, so a message moved, deleted or not the caller's is never served from here; and an
 * entry deleted for ever is dropped at once ({@link #forget}), so that after crypto-shredding
 * its plaintext is not kept in memory either.
 */
@ApplicationScoped
public class OpenedMessageCache {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_ENTRIES = 32;
    static final Duration IDLE = Duration.ofMinutes(5);

    /** One opened message: its header record and its parsed body. */
    public record Opened(MessageMetadata metadata, ParsedMessage parsed) {}

    private record Key(long entryId, long accountId) {}

    private static final class Held {
        final Opened opened;
        Instant lastUse;

        Held(Opened opened, Instant lastUse) {
            this.opened = opened;
            this.lastUse = lastUse;
        }
    }

    private final Map<Key, Held> held = new LinkedHashMap<>(16, 0.75f, true);
    private final Clock clock;
    private long bytes;

    public OpenedMessageCache() {
        this(Clock.systemUTC());
    }

    OpenedMessageCache(Clock clock) {
        this.clock = clock;
    }

    public synchronized Optional<Opened> get(long entryId, long accountId) {
        Instant now = clock.instant();
        expire(now);
        Held h = held.get(new Key(entryId, accountId));
        if (h == null) {
            return Optional.empty();
        }
        h.lastUse = now;
        return Optional.of(h.opened);
    }

    /** Keeps it unless it alone is over the budget; makes room by dropping the least recently used. */
    public synchronized void put(long entryId, long accountId, Opened opened) {
        Instant now = clock.instant();
        expire(now);
        Key key = new Key(entryId, accountId);
        Held previous = held.remove(key);
        if (previous != null) {
            bytes -= previous.opened.parsed().size();
        }
        long size = opened.parsed().size();
        if (size > MAX_BYTES) {
            return;
        }
        Iterator<Held> eldest = held.values().iterator();
        while (eldest.hasNext() && (bytes + size > MAX_BYTES || held.size() >= MAX_ENTRIES)) {
            bytes -= eldest.next().opened.parsed().size();
            eldest.remove();
        }
        held.put(key, new Held(opened, now));
        bytes += size;
    }

    /** Drops the message at once: its entry was deleted, so its plaintext must not outlive it here. */
    public synchronized void forget(long entryId, long accountId) {
        Held h = held.remove(new Key(entryId, accountId));
        if (h != null) {
            bytes -= h.opened.parsed().size();
        }
    }

    synchronized long bytesHeld() {
        return bytes;
    }

    private void expire(Instant now) {
        Instant oldest = now.minus(IDLE);
        Iterator<Held> it = held.values().iterator();
        while (it.hasNext()) {
            Held h = it.next();
            if (h.lastUse.isBefore(oldest)) {
                bytes -= h.opened.parsed().size();
                it.remove();
            }
        }
    }
}
