package org.sealpost.bridge.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The message size limit, checked twice: against the {@code SIZE=} a client declares on MAIL
 * (RFC 1870 §6.1, so an honest client is refused before it sends anything) and against the bytes
 * that really arrive after DATA (a client may lie or not declare). The reply is the same,
 * {@code 552 5.3.4} (RFC 3463 "message too big for system").
 */
public final class MessageSizeLimit {

    private final long maxBytes;
    private final SmtpReply tooLarge;

    public MessageSizeLimit(long maxBytes) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("message size limit out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.tooLarge = new SmtpReply(
                552, "5.3.4", "Message size exceeds fixed maximum message size of " + maxBytes + " bytes");
    }

    public long maxBytes() {
        return maxBytes;
    }

    public SmtpReply tooLarge() {
        return tooLarge;
    }

    public Decision decideDeclaredSize(long declaredSize) {
        return declaredSize > maxBytes ? Decision.refuse(tooLarge) : Decision.PROCEED;
    }

    /**
     * Reads {@code data} to its end, keeping at most the limit in memory. Beyond the limit the
     * rest is read and dropped: the client only listens for our reply after its final dot, so the
     * stream must be consumed for the session to stay in step, but a 1 GB message must not become
     * a 1 GB array.
     */
    public ReceivedData read(InputStream data) throws IOException {
        return read(data, InFlightBytes.unlimited().reserve());
    }

    /**
     * As {@link #read(InputStream)}, reserving every kept byte in {@code reservation} first. Once
     * the reservation is refused nothing more is kept and what was kept is dropped (the message
     * will be answered 452 and never stored); the rest is still read to the end.
     */
    public ReceivedData read(InputStream data, InFlightBytes.Reservation reservation) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = data.read(buffer)) != -1) {
            if (total < maxBytes && kept != null) {
                int keep = (int) Math.min(n, maxBytes - total);
                // Twice: the buffer grows by doubling, and its bytes are copied once more to be stored.
                if (reservation.grow(2L * keep)) {
                    kept.write(buffer, 0, keep);
                } else {
                    kept = null;
                }
            }
            total += n;
        }
        return new ReceivedData(kept == null ? new byte[0] : kept.toByteArray(), total);
    }

    /** Checks the bytes actually received. */
    public Decision decide(ReceivedData data) {
        return data.totalBytes() > maxBytes ? Decision.refuse(tooLarge) : Decision.PROCEED;
    }

    /**
     * What arrived after DATA.
     *
     * @param bytes what was kept: everything, unless {@code totalBytes} exceeds the limit
     * @param totalBytes how many bytes arrived in all
     */
    public record ReceivedData(byte[] bytes, long totalBytes) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ReceivedData that
                    && totalBytes == that.totalBytes
                    && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(bytes) + Long.hashCode(totalBytes);
        }

        @Override
        public String toString() {
            return "ReceivedData[kept=" + bytes.length + ", total=" + totalBytes + "]";
        }
    }
}
