package org.sealpost.portal.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash of one audit event: {@code SHA-256(encoding(event, seq) || previous hash)},
 * SHA-256 as in FIPS 180-4, over this canonical encoding (version 1, ADR 0014):
 *
 * <pre>
 * "SEALPOST-AUDIT-1"        16 ASCII bytes: the format and its version (another version = another tag)
 * chain_seq                 8 bytes, signed big-endian (two's complement)
 * id                        8 bytes, signed big-endian
 * occurred_at               8 bytes, signed big-endian: microseconds since 1970-01-01T00:00:00Z (UTC),
 *                           PostgreSQL's own precision, so the value read back hashes as it was linked
 * actor, action, target_type, target_id, client_address, detail, field, old_value, new_value
 *                           each: 4-byte signed big-endian length of its UTF-8 bytes, then the bytes;
 *                           NULL is length -1 with no bytes (so NULL and "" differ)
 * previous hash             32 bytes: the hash of the event with chain_seq - 1; 32 zero bytes before event 1
 * </pre>
 *
 * Fixed-width numbers and length-prefixed strings make the encoding unambiguous: no two
 * different rows encode to the same bytes, whatever characters their fields hold (a
 * separator-joined string would let "a|b" + "c" collide with "a" + "b|c"). The sequence number
 * and the id are inside the hash, so renumbering rows or moving an event's fields to another
 * id breaks the chain as surely as editing them.
 */
public final class AuditChainHash {

    public static final int LENGTH = 32;
    private static final byte[] TAG = "SEALPOST-AUDIT-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GENESIS = new byte[LENGTH];

    private AuditChainHash() {}

    /** The "previous hash" of event 1. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    /** The canonical encoding of {@code event} at position {@code seq}, without the previous hash. */
    public static byte[] encode(AuditEvent event, long seq) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(TAG);
        out.writeBytes(ByteBuffer.allocate(24)
                .putLong(seq)
                .putLong(event.id())
                .putLong(micros(event.occurredAt()))
                .array());
        for (String field : event.texts()) {
            if (field == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
                out.writeBytes(utf8);
            }
        }
        return out.toByteArray();
    }

    /** The hash {@code event} gets at position {@code seq} after the event whose hash is {@code previous}. */
    public static byte[] hash(AuditEvent event, long seq, byte[] previous) {
        if (previous.length != LENGTH) {
            throw new IllegalArgumentException("a previous hash has 32 bytes, not " + previous.length);
        }
        MessageDigest sha256 = sha256();
        sha256.update(encode(event, seq));
        sha256.update(previous);
        return sha256.digest();
    }

    /**
     * Microseconds since the epoch; finer digits are dropped (PostgreSQL stores no more, and
     * the worker hashes what it read back, never a value from the writer's clock).
     */
    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
