package org.sealpost.portal.administration;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.sealpost.portal.administration.AdministrationRefusedException.Reason;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.outbound.OutboundKind;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.outbound.PortalFailure;
import org.sealpost.portal.outbound.QueueEntry;
import org.sealpost.portal.outbound.QueueState;

/**
 * The administrators' mail queue: the undelivered rows of the outbound queue, and retry now,
 * give up and delete, each an audit event with the row before and after. Every statement is
 * {@link OutboundQueue}'s, the owner of {@code outbound_mail}.
 */
public final class MailQueueAdministration {

    private final EntityManager em;

    public MailQueueAdministration(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** Rows in {@code states}, newest first; {@code page} counts from 0. */
    public QueueList list(Set<QueueState> states, int page, int pageSize) {
        long total = OutboundQueue.countUndelivered(em, states);
        Connection c = SharedConnection.of(em);
        int lastPage = (int) Math.max(0, (total - 1) / pageSize);
        int shown = Math.min(Math.max(0, page), lastPage);
        return new QueueList(OutboundQueue.undelivered(c, states, shown * pageSize, pageSize), total, shown, pageSize);
    }

    /**
     * The row is due now; the caller wakes the outbound worker after the commit, so it goes
     * within about a second if the smarthost takes it.
     */
    public QueueEntry retryNow(long id, String actor, String client, Instant now)
            throws AdministrationRefusedException {
        Connection c = SharedConnection.of(em);
        QueueEntry before = find(c, id);
        if (!OutboundQueue.retryNow(em, id, now)) {
            throw new AdministrationRefusedException(
                    before.givenUp() && isLink(before.kind()) ? Reason.NEWER_LINK_WAITING : Reason.NOT_WAITING,
                    before.describe());
        }
        audit(
                actor,
                AuditAction.OUTBOUND_RETRIED,
                before,
                client,
                "next attempt: " + (before.givenUp() ? "none (given up)" : before.nextAttemptAt()) + " -> " + now,
                now);
        return before;
    }

    public QueueEntry giveUp(long id, String actor, String client, Instant now) throws AdministrationRefusedException {
        Connection c = SharedConnection.of(em);
        QueueEntry before = find(c, id);
        if (!OutboundQueue.giveUpNow(em, id, PortalFailure.GIVEN_UP_BY_ADMINISTRATOR.stored(actor))) {
            throw new AdministrationRefusedException(Reason.NOT_WAITING, before.describe());
        }
        audit(
                actor,
                AuditAction.OUTBOUND_GIVEN_UP,
                before,
                client,
                "state: " + before.state() + " -> " + QueueState.GIVEN_UP,
                now);
        return before;
    }

    public QueueEntry delete(long id, String actor, String client, Instant now) throws AdministrationRefusedException {
        Connection c = SharedConnection.of(em);
        QueueEntry before = find(c, id);
        if (!OutboundQueue.deleteUndelivered(em, id)) {
            throw new AdministrationRefusedException(Reason.NOT_FOUND, before.describe());
        }
        audit(actor, AuditAction.OUTBOUND_DELETED, before, client, "state: " + before.state() + " -> deleted", now);
        return before;
    }

    private static QueueEntry find(Connection c, long id) throws AdministrationRefusedException {
        return OutboundQueue.findUndelivered(c, id)
                .orElseThrow(() -> new AdministrationRefusedException(Reason.NOT_FOUND, "outbound mail " + id));
    }

    private static boolean isLink(OutboundKind kind) {
        return kind == OutboundKind.REGISTRATION_LINK || kind == OutboundKind.PASSWORD_RESET;
    }

    private void audit(String actor, AuditAction action, QueueEntry row, String client, String detail, Instant now) {
        AuditTrail.on(em)
                .record(
                        actor,
                        action,
                        "outbound_mail",
                        Long.toString(row.id()),
                        client,
                        row.describe() + "; " + detail,
                        now);
    }
}
