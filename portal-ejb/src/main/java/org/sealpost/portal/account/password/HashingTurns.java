package org.sealpost.portal.account.password;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most so many Argon2id computations at once; the others wait for a turn in the order they
 * came (a fair semaphore, so a sign-in is not overtaken indefinitely).
 *
 * <p>Why: Argon2id is memory-hard on purpose (RFC 9106 section 4), so every computation holds
 * its whole memory cost (19 MiB by default) while it runs. Unbounded, a burst of 200 sign-ins
 * would hold 3.8 GB of native memory at once and 200 threads would share the processors with
 * every page being served, so each page waits for 200 hashes' time slices. Bounded by the
 * number of processors the hashes finish in arrival order at the rate the processors allow,
 * the memory they hold stays at that bound × the memory cost, and the threads waiting for a
 * turn are parked, not competing with the pages for the processors (issue 15: a fresh portal's
 * first minute is a burst of sign-ins).
 */
final class HashingTurns {

    private final int concurrency;
    private final Semaphore turns;

    HashingTurns(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("Argon2id concurrency must be at least 1, not " + concurrency);
        }
        this.concurrency = concurrency;
        this.turns = new Semaphore(concurrency, true);
    }

    /** Runs {@code work} in its turn. A waiting thread's interrupt is kept, not acted on: a sign-in is not abandoned half way. */
    <T> T take(Supplier<T> work) {
        turns.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    int concurrency() {
        return concurrency;
    }
}
