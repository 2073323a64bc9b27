package org.sealpost.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.session.EndReason;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;

/**
 * What follows when an account's password is replaced, whether its owner changed it ({@link
 * AccountSettings}) or reset it through a link ({@link AccountLinks}): every other session ends,
 * the owner is told by mail (a notice without a link), and the audit trail records it. In the
 * caller's transaction and, for the notice, on its connection, so that all of it is kept or none.
 * The caller has checked the new password and revoked the account's open links.
 */
@ApplicationScoped
public class PasswordReplacement {

    /** How the password came to be replaced: the notice the owner gets and the audit event. */
    enum Way {
        CHANGED(AccountMailQueue.Notice.PASSWORD_CHANGED, AuditAction.PASSWORD_CHANGED, "other sessions ended"),
        RESET(
                AccountMailQueue.Notice.PASSWORD_RESET_DONE,
                AuditAction.PASSWORD_RESET,
                "other sessions ended, open links revoked");

        private final AccountMailQueue.Notice notice;
        private final AuditAction action;
        private final String detail;

        Way(AccountMailQueue.Notice notice, AuditAction action, String detail) {
            this.notice = notice;
            this.action = action;
            this.detail = detail;
        }
    }

    @Inject
    private SessionRegistry sessions;

    @Inject
    private AccountMailQueue mail;

    @Inject
    private AuditTrail audit;

    /** For the container, which injects the fields. */
    PasswordReplacement() {}

    /** Outside the container (tests on PostgreSQL). */
    PasswordReplacement(SessionRegistry sessions, AccountMailQueue mail, AuditTrail audit) {
        this.sessions = sessions;
        this.mail = mail;
        this.audit = audit;
    }

    /**
     * @param account locked for the change ({@code PESSIMISTIC_WRITE})
     * @param keep    the session that made the change and stays signed in, or {@code null}
     */
    void replace(Connection c, Account account, String hash, SessionHandle keep, Way way, String client, Instant now) {
        account.replacePassword(hash, now);
        sessions.endAll(account.id(), keep, EndReason.PASSWORD_REPLACED, now);
        mail.notice(c, way.notice, account.email().value(), account.id(), now);
        audit.record(
                account.email().value(), way.action, "account", account.id().toString(), client, way.detail, now);
    }
}
