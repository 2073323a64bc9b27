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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sealpost.portal.platform.SealpostDataSource;

/**
 * One pass over the due part of the outbound queue, in one transaction: claim, send, record.
 * The claimed rows stay locked while their mail is sent, so a second node skips them; a node
 * that dies mid-pass leaves them QUEUED for the next pass (at-least-once, never lost).
 */
@Stateless
public class OutboundDelivery {

    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class.getName());

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private OutboundSettings settings;

    @Inject
    private NotificationComposer composer;

    /** @return how many queue rows were claimed (0 when nothing was due) */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int deliverDue() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            List<QueuedMail> due = OutboundQueue.claimDue(c, now, BATCH);
            for (List<QueuedMail> batch : batches(due)) {
                deliver(c, batch.get(0).recipient(), batch, now);
            }
            return due.size();
        }
    }

    /**
     * One mail per recipient and kind: every arrival notification due for a recipient goes out
     * as one ("3 new secure messages"), while a reset or new-link mail they asked for is its own.
     */
    static java.util.Collection<List<QueuedMail>> batches(List<QueuedMail> due) {
        Map<String, List<QueuedMail>> batches = new LinkedHashMap<>();
        for (QueuedMail m : due) {
            batches.computeIfAbsent(m.recipient() + "\n" + m.kind(), k -> new ArrayList<>()).add(m);
        }
        return batches.values();
    }

    private void deliver(Connection c, String recipient, List<QueuedMail> claimed, Instant now) throws SQLException {
        List<QueuedMail> mails = claimed;
        if (claimed.get(0).kind().equals("NOTIFY_NEW_MESSAGE")) {
            // No flood: after a notification, arrivals wait out the quiet period and go as one.
            Optional<Instant> last = OutboundQueue.lastNotified(c, recipient);
            Instant quietUntil = last.map(t -> t.plus(settings.quietPeriod())).orElse(Instant.MIN);
            if (now.isBefore(quietUntil)) {
                OutboundQueue.postpone(c, claimed, quietUntil);
                return;
            }
            // The mail about to go out speaks for every arrival still waiting, not only this batch's.
            mails = new ArrayList<>(claimed);
            mails.addAll(OutboundQueue.claimQueuedArrivals(c, recipient, claimed.stream().map(QueuedMail::id).toList()));
        }
        try {
            MimeMessage message = composer.compose(c, settings.transport().session(), recipient, mails, now);
            settings.transport().send(message, recipient);
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
