package org.sealpost.portal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One row of the audit trail, with its place in the chain ({@code chainSeq} and {@code
 * chainHash} are {@code null} while the event waits to be linked, ADR 0014).
 *
 * <p>An event is immutable once written: it has no setters, and every column is mapped
 * {@code updatable = false}, so JPA never issues an UPDATE for it. Only the chain's linker
 * writes the row again, once, to give it its sequence number and hash ({@link AuditTrail}'s
 * JDBC, holding the chain head); after that the chain's verification finds any change.
 *
 * <p>{@code action} is the stored text: an event is recorded with an {@link AuditAction}
 * ({@link #recorded}), but the chain and the export read and hash whatever the row holds (an
 * action of an older release, or a row altered in the database), so it is mapped as text and
 * {@link #kind()} gives the enum when it is one.
 *
 * @see AuditTrail the one owner of table {@code audit_event}
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(updatable = false)
    private Long id;

    @Column(name = "chain_seq", insertable = false, updatable = false)
    private Long chainSeq;

    @Column(name = "chain_hash", insertable = false, updatable = false)
    private byte[] chainHash;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "target_type", updatable = false)
    private String targetType;

    @Column(name = "target_id", updatable = false)
    private String targetId;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    @Column(updatable = false)
    private String detail;

    @Column(updatable = false)
    private String field;

    @Column(name = "old_value", updatable = false)
    private String oldValue;

    @Column(name = "new_value", updatable = false)
    private String newValue;

    protected AuditEvent() {
        // for JPA
    }

    /**
     * A row as stored, read by the chain's walk and the export (plain JDBC, see {@link
     * AuditTrail}) or built by tests and benchmarks.
     *
     * @param occurredAt as PostgreSQL keeps it: microseconds (the hash covers exactly that)
     */
    public AuditEvent(
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
            String newValue) {
        this.id = id;
        this.chainSeq = chainSeq;
        this.chainHash = chainHash == null ? null : chainHash.clone();
        this.occurredAt = occurredAt.atOffset(ZoneOffset.UTC);
        this.actor = actor;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.clientAddress = clientAddress;
        this.detail = detail;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    private AuditEvent(Instant at, AuditDeed deed, String detail, String field, String oldValue, String newValue) {
        // Unlinked (no chain position yet), its id given by the database at the insert.
        this(
                0L,
                null,
                null,
                whoDidWhat(at, deed.actor(), deed.action()),
                deed.actor(),
                deed.action().name(),
                deed.targetType(),
                deed.targetId(),
                deed.clientAddress(),
                detail,
                field,
                oldValue,
                newValue);
    }

    /** The rule every event keeps: it names who did what, and when. */
    private static Instant whoDidWhat(Instant at, String actor, AuditAction action) {
        if (actor == null || actor.isBlank() || action == null || at == null) {
            throw new IllegalArgumentException("an audit event names who did what, and when");
        }
        return at;
    }

    /** What someone did, to be recorded now: unlinked, its id given by the database. */
    static AuditEvent recorded(AuditDeed deed, String detail, Instant at) {
        return new AuditEvent(at, deed, detail, null, null, null);
    }

    /**
     * A change of one field, to be recorded now; a secret's values are masked before they get
     * here ({@link AuditTrail#MASKED}).
     */
    static AuditEvent change(AuditDeed deed, String field, String oldValue, String newValue, Instant at) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a change names the field that changed");
        }
        return new AuditEvent(at, deed, null, field, oldValue, newValue);
    }

    public long id() {
        return id;
    }

    public Long chainSeq() {
        return chainSeq;
    }

    public byte[] chainHash() {
        return chainHash == null ? null : chainHash.clone();
    }

    public Instant occurredAt() {
        return occurredAt.toInstant();
    }

    /**
     * The event's texts in the order of the table's columns, {@code actor} to {@code new_value}
     * (a {@code null} stays one): what {@link AuditTrail} inserts after the time, and what the
     * chain hash covers after the position, the id and the time ({@link AuditChainHash#encode}).
     */
    List<String> texts() {
        return Arrays.asList(actor, action, targetType, targetId, clientAddress, detail, field, oldValue, newValue);
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String detail() {
        return detail;
    }

    public String field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
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

    @Override
    public String toString() {
        return "AuditEvent[" + id + ", " + occurredAt + ", " + actor + ", " + action + "]";
    }
}
