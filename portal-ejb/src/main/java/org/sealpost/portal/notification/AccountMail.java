package org.sealpost.portal.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.sealpost.portal.account.AccountMailQueue;
import org.sealpost.portal.outbound.OutboundQueue;

/**
 * The mail the account flows queue, in the caller's transaction: a link mail ("forgot
 * password", "send me a new link") and the notices that a password was set, changed or reset.
 * The account flows ask for it through {@link AccountMailQueue}; the administrators' "send a
 * new link" uses it directly.
 */
@ApplicationScoped
public class AccountMail implements AccountMailQueue {

    /**
     * At most this many link mails per address in {@link #ADDRESS_WINDOW}: a person who lost
     * the first mail can ask twice more, a script asking every second gets nowhere.
     */
    public static final int LINK_MAILS_PER_ADDRESS = 3;

    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    @Override
    public LinkRequest requestLink(EntityManager em, Link kind, String recipient, long accountId, Instant now) {
        if (OutboundQueue.linkMailsSince(em, recipient, now.minus(ADDRESS_WINDOW)) >= LINK_MAILS_PER_ADDRESS) {
            return LinkRequest.ADDRESS_LIMIT;
        }
        // The insert is INSERT ... ON CONFLICT, which JPA has no form for: on the connection of
        // em's transaction, so it commits with the caller's change.
        Connection c = em.unwrap(Connection.class);
        return OutboundQueue.queueLinkUnlessPending(c, kind.name(), recipient, accountId, now)
                ? LinkRequest.QUEUED
                : LinkRequest.ALREADY_PENDING;
    }

    @Override
    public void notice(Connection c, Notice notice, String recipient, long accountId, Instant now) {
        OutboundQueue.queue(c, notice.name(), recipient, accountId, now);
    }
}
