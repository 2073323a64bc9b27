package org.sealpost.portal.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A row of the outbound queue, as an administrator changes it: its rules say which changes a
 * row in its state allows. (The delivery's own changes, for a batch of rows under the claim's
 * lock, are single UPDATE statements in {@link OutboundQueue}: ADR 0003.) Only the columns these
 * rules read or write are mapped; the rest stay as they are.
 */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OutboundKind kind;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    /** Read by the queue's counts (the quiet period, the link mail limit); written only in SQL. */
    @Column(name = "sent_at", insertable = false, updatable = false)
    private OffsetDateTime sentAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected OutboundMail() {
        // for JPA
    }

    public long id() {
        return id;
    }

    public OutboundKind kind() {
        return kind;
    }

    public String recipient() {
        return recipient;
    }

    public DeliveryState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    /** A mail that carries a one-time link: at most one of its kind may wait per address (V10). */
    public boolean carriesLink() {
        return kind == OutboundKind.REGISTRATION_LINK || kind == OutboundKind.PASSWORD_RESET;
    }

    /** Whether "retry now" applies: the row waits or was given up; a sent row is history. */
    public boolean mayRetry() {
        return state == DeliveryState.QUEUED || state == DeliveryState.FAILED;
    }

    /**
     * An administrator's "retry now": due at {@code now} again, a given-up row too. It keeps its
     * attempts and its age, so another failure of an old row gives it up again at once.
     *
     * @throws IllegalStateException when the row was sent
     */
    public void retryAt(Instant now) {
        if (!mayRetry()) {
            throw new IllegalStateException("outbound mail " + id + " is " + state + ", not waiting or given up");
        }
        state = DeliveryState.QUEUED;
        nextAttemptAt = now.atOffset(ZoneOffset.UTC);
    }

    /** Whether an administrator may give it up: only a waiting row (queued or deferred). */
    public boolean mayGiveUp() {
        return state == DeliveryState.QUEUED;
    }

    /**
     * Given up: never tried again unless retried; {@code reason} replaces the last error.
     *
     * @throws IllegalStateException when the row is not waiting
     */
    public void giveUp(String reason) {
        if (!mayGiveUp()) {
            throw new IllegalStateException("outbound mail " + id + " is " + state + ", not waiting");
        }
        state = DeliveryState.FAILED;
        lastError = reason;
    }
}
