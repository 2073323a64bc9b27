package org.sealpost.portal.account;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Instant;

/**
 * The mail an account flow asks for, queued in the flow's own transaction (its entity manager,
 * or that transaction's connection) so it commits with the change it reports: a link mail ("forgot password", "send me a new link") and the notices
 * that a password was set, changed or reset. Package notification writes and queues that mail
 * and builds on account, so account names only this interface; notification's
 * {@code AccountMail} is the one implementation.
 */
public interface AccountMailQueue {

    /** A mail that carries a one-time link, minted when the mail is sent. */
    enum Link {
        REGISTRATION_LINK,
        PASSWORD_RESET
    }

    /** "Your password was set / changed / reset; if this was not you …", with no link. */
    enum Notice {
        ACCOUNT_REGISTERED,
        PASSWORD_CHANGED,
        PASSWORD_RESET_DONE
    }

    /** What became of a link request; the person asking is told the same in every case. */
    enum LinkRequest {
        QUEUED,
        /** One is pending for the address already: it will carry a fresh link when it goes. */
        ALREADY_PENDING,
        /** The address had as many link mails within the hour as one address may have. */
        ADDRESS_LIMIT
    }

    /**
     * Queues a link mail unless one is pending for the address or the address is over its
     * limit, in {@code em}'s transaction (the limit is counted in JPQL, the row inserted on the
     * transaction's own connection).
     *
     * @throws org.sealpost.portal.platform.StorageUnavailableException the database failed
     */
    LinkRequest requestLink(EntityManager em, Link kind, String recipient, long accountId, Instant now);

    /**
     * Queues a notice, due now.
     *
     * @throws org.sealpost.portal.platform.StorageUnavailableException the database failed
     */
    void notice(Connection c, Notice notice, String recipient, long accountId, Instant now);
}
