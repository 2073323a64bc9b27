package org.sealpost.portal.outbound;

import java.time.Instant;

/**
 * The outbound queue in numbers, for the administrators' overview.
 *
 * @param oldestDeferredSince when the oldest deferred mail was queued; null when none is deferred
 */
public record QueueFigures(long queued, long deferred, long givenUp, Instant oldestDeferredSince) {

    /** Mail still to go out: queued and deferred. */
    public long depth() {
        return queued + deferred;
    }
}
