package org.sealpost.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;

/**
 * The database side of a sign-in, in short transactions on either side of the Argon2id check
 * that {@link SignInService} runs in none (issue 15): first the stored hash to check against,
 * read without a lock; then the outcome, recorded under the account's row lock together with
 * its audit event.
 *
 * <p>The row lock is what makes concurrent wrong guesses each count: the outcome of every
 * check is recorded in turn, and each one sees the failures recorded before it. It is no longer
 * held while the hash is computed (it was: a sign-in then held the row, a pooled connection and
 * a transaction for the ~60 ms of Argon2id, and sign-ins to one account queued behind each
 * other's hashes). What the check found is only accepted if the account may still try and
 * still has the hash that was checked when the lock is taken: a check that overlapped an
 * account lock, a deactivation or a password change is refused.
 *
 * <p>A password that signs in at once is recorded whole in that second transaction: the
 * account's sign-in, the page's language for its mails, the session's registry row and the
 * audit event commit together or not at all ({@link #settle}); a completed second step opens
 * its session and remembers the language in one transaction too ({@link #secondStepDone}).
 * (They were separate transactions, and a failure between them left a signed-in account
 * without its session row.)
 */
@ApplicationScoped
@Transactional
public class SignInRecords {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalSettings settings;

    @Inject
    private ConfirmedSecondFactors secondFactors;

    @Inject
    private SessionRegistry sessions;

    private BooleanSupplier production = () -> settings.production();

    public SignInRecords() {
        // for the container
    }

    /** On a given entity manager, outside the container (tests); {@code sessions} on the same one. */
    SignInRecords(
            EntityManager em, boolean production, ConfirmedSecondFactors secondFactors, SessionRegistry sessions) {
        this.em = em;
        this.production = () -> production;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
    }

    /**
     * The stored hash to check a password against: that of the account at {@code address}, if
     * there is one and it may try to sign in now. Empty otherwise; the caller then spends the
     * same work on the dummy hash. Read without a lock and without a transaction.
     */
    @Transactional(TxType.SUPPORTS)
    public Optional<String> passwordHashToCheck(String address, Instant now) {
        return byEmail(address, LockModeType.NONE)
                .filter(a -> a.mayTrySignIn(now))
                .map(Account::passwordHash);
    }

    /** A client over its failure limit: only the audit event, no account is looked up. */
    public void throttled(String address, String client, Instant now) {
        AuditTrail.on(em).record(address, AuditAction.SIGN_IN_THROTTLED, "account", null, client, null, now);
    }

    /**
     * Records the outcome of checking the password against {@code checkedHash} (null: the
     * dummy hash was checked), under the account's row lock; a sign-in that needs no second
     * step opens its session here too ({@link SignInResult.SignedIn#session()}).
     *
     * @param right whether the password matched {@code checkedHash}
     */
    public SignInResult settle(
            String address,
            String checkedHash,
            boolean right,
            SigningInClient signingIn,
            Instant now,
            SignInPolicy policy) {
        String client = signingIn.address();
        Optional<Account> found = byEmail(address, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty() || !found.get().mayTrySignIn(now)) {
            AuditTrail.on(em)
                    .record(
                            safe(address),
                            AuditAction.SIGN_IN_FAILED,
                            "account",
                            found.map(a -> a.id().toString()).orElse(null),
                            client,
                            found.isEmpty()
                                    ? "unknown address"
                                    : "account " + found.get().state()
                                            + (found.get().lockedAt(now) ? ", locked" : ""),
                            now);
            return SignInResult.refused();
        }
        Account account = found.get();
        if (checkedHash == null || !checkedHash.equals(account.passwordHash())) {
            // The account appeared, was unlocked or got a new password while the hash ran: the
            // check said nothing about the password it has now, so it neither signs in nor counts.
            audit(account, AuditAction.SIGN_IN_FAILED, client, "password changed during the sign-in", now);
            return SignInResult.refused();
        }
        if (!right) {
            account.recordFailedSignIn(now, policy);
            audit(
                    account,
                    AuditAction.SIGN_IN_FAILED,
                    client,
                    account.lockedAt(now) ? "wrong password; account locked" : "wrong password",
                    now);
            return SignInResult.refused();
        }
        SecondStep next = SecondStep.after(
                account.role(), secondFactors.confirmedFor(em, account.id()), production.getAsBoolean());
        if (!next.signsInAtOnce()) {
            // Not signed in yet, and the failure count stays: only the completed second
            // step resets it, or knowing the password would reset the count between
            // guessed codes (SecondFactorDesk).
            audit(account, AuditAction.SIGN_IN_AWAITS_SECOND_FACTOR, client, next.name(), now);
            return SignInResult.awaiting(account, next);
        }
        account.recordSignIn(now);
        // Every way of signing in remembers the page's language (SignInCompletion for the
        // second steps): the account's mails follow it.
        account.rememberLanguage(signingIn.pageLanguage());
        SessionHandle session = sessions.register(account.id(), client, signingIn.userAgent(), now);
        audit(account, AuditAction.SIGNED_IN, client, null, now);
        return SignInResult.signedIn(account, next, session);
    }

    /**
     * A second step (code, recovery code, enrolment) has completed the sign-in of {@code
     * accountId}: its session's registry row opens, and the account's mails follow the language
     * of the page it was done on. The language by one conditional UPDATE, without loading or
     * locking the account (the second step's own records are {@code SecondFactorDesk}'s).
     */
    public SessionHandle secondStepDone(long accountId, SigningInClient signingIn, Instant now) {
        AccountDirectory.rememberLanguage(em, accountId, signingIn.pageLanguage());
        return sessions.register(accountId, signingIn.address(), signingIn.userAgent(), now);
    }

    /** An event about the account whose sign-in this is. */
    private void audit(Account account, AuditAction action, String client, String detail, Instant now) {
        AuditTrail.on(em)
                .record(account.email().value(), action, "account", account.id().toString(), client, detail, now);
    }

    private Optional<Account> byEmail(String address, LockModeType lock) {
        EmailAddress email;
        try {
            email = EmailAddress.of(address);
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
        return AccountDirectory.byEmail(em, email, lock);
    }

    private static String safe(String address) {
        return address == null ? "" : address.length() > 320 ? address.substring(0, 320) : address;
    }
}
