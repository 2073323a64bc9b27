package org.sealpost.portal.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.sealpost.portal.outbound.OutboundQueue;

/**
 * The mail the account flows queue, in the caller's transaction: a link mail ("forgot
 * password", "send me a new link") and the notices that a password was set, changed or reset.
 */
public final class AccountMail {

    /** A mail that carries a one-time link, minted when the mail is sent. */
    public enum Link {
        REGISTRATION_LINK,
        PASSWORD_RESET
    }

    /** "Your password was set / changed / reset; if this was not you …", with no link. */
    public enum Notice {
        ACCOUNT_REGISTERED,
        PASSWORD_CHANGED,
        PASSWORD_RESET_DONE
    }

    /** What became of a link request; the person asking is told the same in every case. */
    public enum LinkRequest {
        QUEUED,
        /** One is pending for the address already: it will carry a fresh link when it goes. */
        ALREADY_PENDING,
        /** The address had {@link #LINK_MAILS_PER_ADDRESS} link mails in {@link #ADDRESS_WINDOW}. */
        ADDRESS_LIMIT
    }

    /**
     * At most this many link mails per address in {@link #ADDRESS_WINDOW}: a person who lost
     * the first mail can ask twice more, a script asking every second gets nowhere.
     */
    public static final int LINK_MAILS_PER_ADDRESS = 3;

    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    private AccountMail() {}

    public static LinkRequest requestLink(Connection c, Link kind, String recipient, long accountId, Instant now)
            throws SQLException {
        if (OutboundQueue.linkMailsSince(c, recipient, now.minus(ADDRESS_WINDOW)) >= LINK_MAILS_PER_ADDRESS) {
            return LinkRequest.ADDRESS_LIMIT;
        }
        return OutboundQueue.queueLinkUnlessPending(c, kind.name(), recipient, accountId, now)
                ? LinkRequest.QUEUED
                : LinkRequest.ALREADY_PENDING;
    }

    public static void notice(Connection c, Notice notice, String recipient, long accountId, Instant now)
            throws SQLException {
        OutboundQueue.queue(c, notice.name(), recipient, accountId, now);
    }
}
