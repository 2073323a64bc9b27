package org.sealpost.portal.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One row of the audit trail as stored, with its place in the chain ({@code chainSeq} and
 * {@code chainHash} are {@code null} while the event waits to be linked). {@code action} is the
 * stored text: normally an {@link AuditAction}'s name ({@link #kind()}), but the chain and the
 * export keep whatever the row holds.
 *
 * @param occurredAt as PostgreSQL keeps it: microseconds (the hash covers exactly that)
 */
public record AuditEvent(
        long id,
        Long chainSeq,
        byte[] chainHash,
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        String targetId,
        String clientAddress,
        String detail,
        String field,
        String oldValue,
        String newValue)
        implements java.io.Serializable {

    public AuditEvent {
        chainHash = chainHash == null ? null : chainHash.clone();
    }

    @Override
    public byte[] chainHash() {
        return chainHash == null ? null : chainHash.clone();
    }

    public boolean linked() {
        return chainSeq != null;
    }

    /** The action as the enum, when the row holds one of its names. */
    public Optional<AuditAction> kind() {
        return Arrays.stream(AuditAction.values())
                .filter(a -> a.name().equals(action))
                .findFirst();
    }

    /** True when the event records a change with old and new values ({@link AuditTrail#recordChange}). */
    public boolean isChange() {
        return field != null;
    }

    /** The chain hash in lower-case hex, or {@code null}. */
    public String chainHashHex() {
        return chainHash == null ? null : AuditChainHash.hex(chainHash);
    }
}
