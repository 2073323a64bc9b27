package org.sealpost.portal.outbound;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.message.MessageContents;
import org.sealpost.portal.platform.SealpostDataSource;

/**
 * Delivers the due mail of one recipient per transaction: claim, send, record. The claimed
 * rows stay locked while their mail is sent, so a second node skips them; a node that dies
 * mid-delivery leaves them QUEUED for the next pass (at-least-once, never lost).
 *
 * <p>One recipient, not one pass, per transaction: a notification's registration link is a
 * token minted in the same transaction, and it must be committed by the time anyone can click
 * it. When a transaction covered a whole pass, the first recipient's link stayed uncommitted
 * while the mail of up to 49 others was sent, and a quick click found "this link cannot be
 * used". One recipient's failure now rolls back nobody else's either.
 */
@Stateless
public class OutboundDelivery {

    private static final String ARRIVAL = "NOTIFY_NEW_MESSAGE";
    private static final String RELAY = "RELAY";
    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class.getName());

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private OutboundSettings settings;

    @Inject
    private NotificationComposer composer;

    @Inject
    private MessageSealer sealer;

    /** @return false when nothing was due */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean deliverNext() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            List<QueuedMail> due = OutboundQueue.claimDue(c, now, 1);
            if (due.isEmpty()) {
                return false;
            }
            deliver(c, due.get(0), now);
            return true;
        }
    }

    private void deliver(Connection c, QueuedMail first, Instant now) throws SQLException {
        String recipient = first.recipient();
        List<QueuedMail> mails = new ArrayList<>(List.of(first));
        if (first.kind().equals(ARRIVAL)) {
            // Every arrival still queued for the recipient shares the first one's fate: one
            // notification ("3 new secure messages") or one postponement, never one each.
            mails.addAll(OutboundQueue.claimQueuedArrivals(c, recipient, List.of(first.id())));
            // No flood: after a notification, arrivals wait out the quiet period and go as one.
            Optional<Instant> last = OutboundQueue.lastNotified(c, recipient);
            Instant quietUntil = last.map(t -> t.plus(settings.quietPeriod())).orElse(Instant.MIN);
            if (now.isBefore(quietUntil)) {
                OutboundQueue.postpone(c, mails, quietUntil);
                return;
            }
        }
        try {
            if (first.kind().equals(RELAY)) {
                settings.transport().relay(relayed(c, first), recipient);
            } else {
                MimeMessage message = composer.compose(c, settings.transport().session(), recipient, mails, now);
                settings.transport().send(message, recipient);
            }
            OutboundQueue.markSent(c, mails, now);
        } catch (MessagingException | RuntimeException failure) {
            String reason = describe(failure);
            Instant queuedAt = mails.stream().map(QueuedMail::createdAt).min(Instant::compareTo).orElse(now);
            int attempts = mails.stream().mapToInt(QueuedMail::attempts).max().orElse(0) + 1;
            if (settings.retries().givenUp(queuedAt, now)) {
                OutboundQueue.giveUp(c, mails, reason);
                LOG.warning(() -> "gave up on notification to " + recipient + " after " + attempts + " attempts: " + reason);
            } else {
                Instant next = settings.retries().nextAttempt(now, attempts);
                OutboundQueue.defer(c, mails, reason, next);
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
            throw new MessagingException("the message was deleted for ever before it could be delivered");
        }
        SealedMessage sealed = MessageContents.sealed(c, mail.contentId())
                .orElseThrow(() -> new MessagingException("the message was deleted for ever before it could be delivered"));
        try {
            return sealer.openMime(mail.contentId(), sealed);
        } catch (SealBrokenException e) {
            throw new MessagingException("the message cannot be decrypted: " + e.getMessage(), e);
        }
    }

    /** The innermost cause names the real problem (no STARTTLS, certificate, refused). */
    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable x = t; x != null && s.length() < 900; x = x.getCause() == x ? null : x.getCause()) {
            if (!s.isEmpty()) {
                s.append(": ");
            }
            s.append(x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage().strip());
        }
        return s.length() > 1000 ? s.substring(0, 1000) : s.toString();
    }
}
