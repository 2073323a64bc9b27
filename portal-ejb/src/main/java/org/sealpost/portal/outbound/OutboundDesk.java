package org.sealpost.portal.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.sealpost.portal.account.OneTimeTokens;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.meters.PortalMeters;
import org.sealpost.portal.meters.PortalMeters.DeliveryOutcome;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The delivery of one recipient's due mail in the caller's transaction: claim, send, record.
 * Plain Java, so tests and the benchmark driver run it against PostgreSQL and a real TLS SMTP
 * server without an application server; {@link OutboundDelivery} gives it a transaction per
 * recipient in Payara.
 *
 * <p>The claimed rows stay locked while their mail is sent, so a second node skips them; a
 * node that dies mid-delivery leaves them QUEUED for the next pass (at-least-once, never lost).
 */
public final class OutboundDesk {

    private static final Logger LOG = Logger.getLogger(OutboundDesk.class.getName());

    private final MailComposer composer;
    private final MessageSealer sealer;
    private final RetrySchedule retries;
    private final Duration quietPeriod;

    /**
     * @param composer writes the mail of the rows that are not relays (package notification's)
     */
    public OutboundDesk(MailComposer composer, MessageSealer sealer, RetrySchedule retries, Duration quietPeriod) {
        this.composer = Objects.requireNonNull(composer, "composer");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
    }

    /**
     * Delivers (or postpones, defers, gives up) the mail of the next due recipient over
     * {@code smtp}, the pass's session; the caller commits {@code em}'s transaction.
     *
     * <p>The claim ({@code FOR UPDATE SKIP LOCKED}) and the batch updates are SQL on the
     * connection of {@code em}'s transaction; the reads and the links' retirement are JPQL on
     * {@code em} itself (ADR 0003), so all of it is one transaction on one connection.
     *
     * @return false when nothing was due
     * @throws StorageUnavailableException the queue could not be read or the outcome recorded:
     *     the caller rolls back, and the rows stay queued for the next pass
     */
    public boolean deliverNext(EntityManager em, SmarthostConnection smtp, Instant now) {
        try {
            Connection c = em.unwrap(Connection.class);
            if (c == null) {
                throw new SQLException("no transaction: the entity manager has no connection to claim on");
            }
            List<QueuedMail> due = OutboundQueue.claimDue(c, now, 1);
            if (due.isEmpty()) {
                return false;
            }
            deliver(em, c, smtp, due.get(0), now);
            return true;
        } catch (SQLException | PersistenceException e) {
            throw new StorageUnavailableException("the due mail cannot be delivered now", e);
        }
    }

    private void deliver(EntityManager em, Connection c, SmarthostConnection smtp, QueuedMail first, Instant now)
            throws SQLException {
        String recipient = first.recipient();
        List<QueuedMail> mails = new ArrayList<>(List.of(first));
        if (first.kind() == OutboundKind.NOTIFY_NEW_MESSAGE) {
            // One node at a time decides about this recipient: another's notification still
            // being sent is committed (and seen below) before this one goes on.
            OutboundQueue.lockRecipient(c, recipient);
            // Every arrival still queued for the recipient shares the first one's fate: one
            // notification ("3 new secure messages") or one postponement, never one each.
            mails.addAll(OutboundQueue.claimQueuedArrivals(c, recipient, List.of(first.id())));
            // No flood: after a notification, arrivals wait out the quiet period and go as one.
            Optional<Instant> last = OutboundQueue.lastNotified(em, recipient);
            Instant quietUntil = last.map(t -> t.plus(quietPeriod)).orElse(Instant.MIN);
            if (now.isBefore(quietUntil)) {
                OutboundQueue.postpone(c, mails, quietUntil);
                return;
            }
        }
        // A relay's account is its sender's and the relay mints no link: no token bookkeeping.
        boolean carriesLinks = first.accountId() != null
                && first.kind() != OutboundKind.RELAY
                && first.kind() != OutboundKind.TEMPLATE_TEST;
        long tokenMark = carriesLinks ? OneTimeTokens.newestId(em, first.accountId()) : 0;
        try {
            if (first.kind() == OutboundKind.RELAY) {
                smtp.relay(relayed(c, first), recipient);
            } else {
                MimeMessage message = composer.compose(em, smtp.session(), recipient, mails, now);
                smtp.send(message, recipient);
            }
            OutboundQueue.markSent(c, mails, now);
            PortalMeters.delivery(first.kind().name(), DeliveryOutcome.DELIVERED, mails.size());
            if (carriesLinks) {
                // The link this mail carries is now the only one of its purpose (issue 14).
                OneTimeTokens.supersede(em, first.accountId(), tokenMark, now);
            }
        } catch (StorageUnavailableException | PersistenceException databaseFailed) {
            // Not the mail's fault: the caller's transaction rolls back and the rows stay queued.
            throw databaseFailed;
        } catch (MessagingException | RuntimeException failure) {
            String reason = describe(failure);
            Instant queuedAt = mails.stream()
                    .map(QueuedMail::createdAt)
                    .min(Instant::compareTo)
                    .orElse(now);
            int attempts = mails.stream().mapToInt(QueuedMail::attempts).max().orElse(0) + 1;
            if (retries.givenUp(queuedAt, now)) {
                OutboundQueue.giveUp(c, mails, reason);
                PortalMeters.delivery(first.kind().name(), DeliveryOutcome.GIVEN_UP, mails.size());
                LOG.warning(() ->
                        "gave up on notification to " + recipient + " after " + attempts + " attempts: " + reason);
            } else {
                Instant next = retries.nextAttempt(now, attempts);
                OutboundQueue.defer(c, mails, reason, next);
                PortalMeters.delivery(first.kind().name(), DeliveryOutcome.DEFERRED, mails.size());
                LOG.info(() -> "notification to " + recipient + " deferred until " + next + ": " + reason);
            }
        }
    }

    /**
     * The MIME of a message a portal user sent to a colleague, opened from its sealed copy. Gone
     * when the sender deleted it for ever before it left (its key is shredded): then it is given
     * up rather than tried for days.
     */
    private byte[] relayed(Connection c, QueuedMail mail) throws SQLException, MessagingException {
        if (mail.contentId() == null) {
            throw new MessagingException(PortalFailure.MESSAGE_DELETED.stored());
        }
        try {
            return StoredMessages.openMime(c, sealer, mail.contentId())
                    .orElseThrow(() -> new MessagingException(PortalFailure.MESSAGE_DELETED.stored()));
        } catch (SealBrokenException e) {
            throw new MessagingException(PortalFailure.MESSAGE_UNREADABLE.stored(String.valueOf(e.getMessage())), e);
        }
    }

    /** The innermost cause names the real problem (no STARTTLS, certificate, refused). */
    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable x = t; x != null && s.length() < 900; x = x.getCause() == x ? null : x.getCause()) {
            if (!s.isEmpty()) {
                s.append(": ");
            }
            s.append(
                    x.getMessage() == null
                            ? x.getClass().getSimpleName()
                            : x.getMessage().strip());
        }
        return s.length() > 1000 ? s.substring(0, 1000) : s.toString();
    }
}
