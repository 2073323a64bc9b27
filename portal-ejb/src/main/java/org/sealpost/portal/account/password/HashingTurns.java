package org.sealpost.portal.account.password;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most so many Argon2id computations at once, on threads of their own that yield the
 * processors to the pages; the others wait for a turn in the order they came (a FIFO queue, so a
 * sign-in is not overtaken indefinitely).
 *
 * <p>Why bounded: Argon2id is memory-hard on purpose (RFC 9106 section 4), so every computation
 * holds its whole memory cost (19 MiB by default) while it runs. Unbounded, a burst of 200
 * sign-ins would hold 3.8 GB of native memory at once and 200 threads would share the processors
 * with every page being served. Bounded by the number of processors the hashes finish in arrival
 * order at the rate the processors allow, the memory they hold stays at that bound × the memory
 * cost, and the callers waiting for a turn are parked (issue 15: a fresh portal's first minute is
 * a burst of sign-ins).
 *
 * <p>Why threads of their own, at a lower priority ({@code niceness}, ADR 0032): a hash is 20–60
 * ms of one processor that nobody watches tick, while a page is a few milliseconds a person waits
 * for. Computed on the request threads, the bounded hashes still held every processor during a
 * burst, and the pages of those already signed in queued behind them for their time slices. On
 * threads with a higher nice value the scheduler gives a page's thread the processor first and
 * the hashes the rest, so a burst of sign-ins costs the pages little and the hashes, with nothing
 * else to run, still use every processor. A thread's nice value can be raised but, without
 * privileges, never lowered again: so the hashes get threads of their own rather than lowering
 * and restoring a pooled request thread.
 */
final class HashingTurns {

    /** No bound: each caller computes on its own thread, at its own priority. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int concurrency;
    private final int niceness;

    /** The hashing threads; null when unbounded. Idle ones end after a minute and are made again. */
    private final ThreadPoolExecutor threads;

    HashingTurns(int concurrency) {
        this(concurrency, 0);
    }

    HashingTurns(int concurrency, int niceness) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("Argon2id concurrency must be at least 1, not " + concurrency);
        }
        if (niceness < 0 || niceness > ThreadNiceness.MOST) {
            throw new IllegalArgumentException(
                    "the hashing threads' niceness must be 0 to " + ThreadNiceness.MOST + ", not " + niceness);
        }
        this.concurrency = concurrency;
        this.niceness = niceness;
        this.threads = concurrency == UNBOUNDED ? null : pool(concurrency, niceness);
    }

    private static ThreadPoolExecutor pool(int concurrency, int niceness) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                concurrency, concurrency, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), work -> {
                    Thread t = new Thread(
                            () -> {
                                ThreadNiceness.raiseThisThreads(niceness);
                                work.run();
                            },
                            "argon2id-" + pool + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Runs {@code work} in its turn and returns its result, or throws what it threw. A waiting
     * caller's interrupt is kept, not acted on: a sign-in is not abandoned half way.
     */
    <T> T take(Supplier<T> work) {
        if (threads == null) {
            return work.get();
        }
        Future<T> result = threads.submit(work::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("Argon2id failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int concurrency() {
        return concurrency;
    }

    int niceness() {
        return niceness;
    }
}
