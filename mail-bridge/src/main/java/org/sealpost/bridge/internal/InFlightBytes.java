package org.sealpost.bridge.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of messages the bridge holds in memory across all connections at once: received,
 * and not yet handed back by the sink. Without a cap, 50 connections each sending a 25 MiB
 * message held 1.25 GiB in the heap the portal shares. Each transaction reserves its bytes as
 * they arrive; a transaction that would pass the cap stops keeping them (it still reads the
 * message to its end, so the session stays in step) and is answered {@link #FULL}: a temporary
 * refusal, so the gateway keeps the message and tries again later (RFC 5321 §4.2.5: a 4yz reply
 * to DATA means it was not accepted). Nothing accepted is ever dropped: the reservation is
 * given back only after the sink has returned.
 */
public final class InFlightBytes {

    /** RFC 3463 X.3.1 "mail system full"; RFC 5321 §4.2.2 452 "insufficient system storage". */
    public static final SmtpReply FULL =
            new SmtpReply(452, "4.3.1", "Insufficient system storage, please try again later");

    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    public InFlightBytes(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** No cap: for tests of other rules. */
    public static InFlightBytes unlimited() {
        return new InFlightBytes(Long.MAX_VALUE);
    }

    public long capacity() {
        return capacity;
    }

    /** Bytes reserved right now, by every connection. */
    public long held() {
        return held.get();
    }

    /**
     * Whether a message of the size a client declared ({@code SIZE=}, RFC 1870) would fit now,
     * counted as it will be (twice): RFC 1870 §6.1 lets MAIL answer {@code 452} for "insufficient
     * system storage" at this moment, before the client sends anything.
     */
    public boolean hasRoomFor(long declaredSize) {
        return held.get() + 2 * Math.max(0, declaredSize) <= capacity;
    }

    /** A transaction's share; close it once the sink has returned (or the message was refused). */
    public Reservation reserve() {
        return new Reservation();
    }

    /** The bytes one transaction holds. Not thread-safe: one per transaction. */
    public final class Reservation implements AutoCloseable {

        private long bytes;
        private boolean refused;

        /**
         * Reserves {@code more} bytes; false (and from then on always false, with the bytes held
         * so far given back) when that would pass the cap.
         */
        public boolean grow(long more) {
            if (refused) {
                return false;
            }
            while (true) {
                long now = held.get();
                if (now + more > capacity) {
                    refused = true;
                    release();
                    return false;
                }
                if (held.compareAndSet(now, now + more)) {
                    bytes += more;
                    return true;
                }
            }
        }

        /** True once a {@link #grow} was refused. */
        public boolean refused() {
            return refused;
        }

        private void release() {
            held.addAndGet(-bytes);
            bytes = 0;
        }

        @Override
        public void close() {
            release();
        }
    }
}
