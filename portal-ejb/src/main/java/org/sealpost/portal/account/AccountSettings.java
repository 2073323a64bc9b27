package org.sealpost.portal.account;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.sealpost.portal.account.password.PasswordVerdict;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.session.EndReason;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;

/** What a signed-in person changes about their own account. */
@Stateless
public class AccountSettings {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private Passwords passwords;

    @Inject
    private AuditTrail audit;

    @Inject
    private SessionRegistry sessions;

    @Inject
    private PasswordReplacement replacement;

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    /**
     * The current password is required, so a session left open on a shared computer cannot
     * take the account over. Every session that signed in before the change ends; the caller
     * renews its own session's sign-in time to keep it, and its registry row ({@code
     * thisSession}) stays open.
     */
    public PasswordChange changePassword(
            long accountId,
            SessionHandle thisSession,
            char[] current,
            char[] chosen,
            char[] confirmation,
            String client) {
        Instant now = Instant.now();
        try {
            Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            if (account == null || !passwords.hasher().verify(current, account.passwordHash())) {
                audit.record(
                        account == null ? "" : account.email().value(),
                        AuditAction.PASSWORD_CHANGE_REFUSED,
                        "account",
                        Long.toString(accountId),
                        client,
                        "wrong current password",
                        now);
                return new PasswordChange.WrongCurrentPassword();
            }
            if (!Arrays.equals(chosen, confirmation)) {
                return new PasswordChange.ConfirmationMismatch();
            }
            PasswordVerdict verdict = passwords.policy().check(new String(chosen), account.email());
            if (!verdict.isAcceptable()) {
                return new PasswordChange.Refused(verdict.problems());
            }
            String hash = passwords.hasher().hash(chosen);
            try (Connection c = dataSource.getConnection()) {
                // No link minted before the change may set the password again.
                OneTimeTokens.revokeAll(em, accountId, now);
                replacement.replace(c, account, hash, thisSession, PasswordReplacement.Way.CHANGED, client, now);
            } catch (SQLException e) {
                throw new jakarta.ejb.EJBException("could not revoke the account's links", e);
            }
            return new PasswordChange.Changed();
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(chosen, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }

    public void signOutEverywhere(long accountId, String client) {
        Instant now = Instant.now();
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        account.endAllSessions(now);
        sessions.endAll(accountId, null, EndReason.SIGNED_OUT_EVERYWHERE, now);
        audit.record(
                account.email().value(),
                AuditAction.SIGNED_OUT_EVERYWHERE,
                "account",
                account.id().toString(),
                client,
                null,
                now);
    }

    /**
     * The latest sign-ins and failed attempts on this account (wrong passwords, and wrong codes
     * after a right password), newest first, from the audit trail.
     */
    public List<SignInRecord> recentSignIns(long accountId, int limit) {
        return AuditTrail.aboutAccount(
                        em,
                        accountId,
                        List.of(AuditAction.SIGNED_IN, AuditAction.SIGN_IN_FAILED, AuditAction.SECOND_FACTOR_FAILED),
                        limit)
                .stream()
                .map(e -> new SignInRecord(
                        e.occurredAt(),
                        e.clientAddress(),
                        switch (AuditAction.valueOf(e.action())) {
                            case SIGNED_IN -> SignInRecord.Outcome.SIGNED_IN;
                            case SECOND_FACTOR_FAILED -> SignInRecord.Outcome.WRONG_CODE;
                            default -> SignInRecord.Outcome.WRONG_PASSWORD;
                        }))
                .toList();
    }
}
