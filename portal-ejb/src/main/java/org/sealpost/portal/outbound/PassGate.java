package org.sealpost.portal.outbound;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most one pass at a time, and no request lost: a request made while a pass runs makes that
 * pass run its body once more after the current round, instead of starting a second pass
 * beside it. The classic flag pair: {@code wanted} is set before {@code running} is tried, and
 * a pass that stops re-checks {@code wanted} after letting go of {@code running}, so a request
 * that came in between is never left waiting for the next tick.
 */
final class PassGate {

    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * Records a request.
     *
     * @return true when no pass is running, so the caller should start one; false when the
     *         running pass will serve the request
     */
    boolean request() {
        wanted.set(true);
        return !running.get();
    }

    /**
     * Runs {@code body} until no request is outstanding, unless a pass is already running (then
     * that pass serves this request). Errors go to the caller, with the gate released.
     */
    void pass(Runnable body) {
        wanted.set(true);
        while (wanted.get() && running.compareAndSet(false, true)) {
            try {
                while (wanted.getAndSet(false)) {
                    body.run();
                }
            } finally {
                running.set(false);
            }
        }
    }
}
