package org.sealpost.portal.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Writes the mail for one recipient's claimed rows, in the delivery's transaction. The queue
 * only queues and delivers: what a mail says is package notification's, which implements this.
 * Notification builds on the queue (it queues the mail it composes), so the queue names only
 * this interface and never the composer.
 */
@FunctionalInterface
public interface MailComposer {

    /**
     * @param em      the delivery's entity manager, in the claim's transaction: the mail's reads
     *                run on it, and a link the mail carries is minted on its connection, so it
     *                commits with the rows' new state
     * @param session the SMTP session's mail session, for the {@link MimeMessage}
     * @throws MessagingException the mail cannot be written (the rows are deferred)
     * @throws org.sealpost.portal.platform.StorageUnavailableException the database failed; the
     *                delivery's transaction rolls back and the rows stay queued
     */
    MimeMessage compose(EntityManager em, Session session, String recipient, List<QueuedMail> rows, Instant now)
            throws MessagingException;
}
