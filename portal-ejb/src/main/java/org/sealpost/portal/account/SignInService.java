package org.sealpost.portal.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.secondfactor.SecondFactors;
import org.sealpost.portal.secondfactor.SecondStep;
import org.sealpost.portal.session.EndReason;
import org.sealpost.portal.session.SessionHandle;
import org.sealpost.portal.session.SessionRegistry;

/**
 * Checks a password. Every refusal about an account (unknown address, wrong password, locked
 * or pending account) costs the same Argon2id work as a real check, so response time does not
 * tell an unknown address from a wrong password either.
 *
 * <p>A client over its failure limit ({@link ClientThrottle}) is refused before any of that:
 * without a hash, so a flood from one client costs a map lookup and an audit row per attempt,
 * not 19 MiB and ~40 ms of Argon2id each. The answer is the one every refusal gets; that it
 * comes sooner tells the client it is throttled, which is no secret, and nothing about the
 * account, which is not even looked up. The throttle is keyed on the client address alone, so
 * it refuses only that client: another client's correct password is checked as usual.
 */
@Stateless
public class SignInService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private Passwords passwords;

    @Inject
    private ClientThrottle throttle;

    @Inject
    private AuditTrail audit;

    @Inject
    private SessionRegistry sessions;

    @Inject
    private PortalSettings settings;

    private final SignInPolicy policy = SignInPolicy.DEFAULT;

    public SignInService() {
        // for the container
    }

    /** For tests of the steps that need no database (the throttled refusal). */
    SignInService(Passwords passwords, ClientThrottle throttle, AuditTrail audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    public SignInResult signIn(String address, char[] password, String client) {
        Instant now = Instant.now();
        try {
            if (throttle.exhausted(client, now, policy)) {
                audit.record(address, AuditAction.SIGN_IN_THROTTLED, "account", null, client, null, now);
                return SignInResult.refused();
            }
            Optional<Account> found = lockedForUpdate(address);
            if (found.isEmpty() || !found.get().mayTrySignIn(now)) {
                passwords.hasher().verifyAgainstDummy(password);
                throttle.recordFailure(client, now, policy);
                audit.record(safe(address), AuditAction.SIGN_IN_FAILED, "account", found.map(a -> a.id().toString())
                        .orElse(null), client, found.isEmpty() ? "unknown address" : "account " + found.get().state()
                        + (found.get().lockedAt(now) ? ", locked" : ""), now);
                return SignInResult.refused();
            }
            Account account = found.get();
            if (!passwords.hasher().verify(password, account.passwordHash())) {
                account.recordFailedSignIn(now, policy);
                throttle.recordFailure(client, now, policy);
                audit.record(account.email().value(), AuditAction.SIGN_IN_FAILED, "account", account.id().toString(),
                        client, account.lockedAt(now) ? "wrong password; account locked" : "wrong password", now);
                return SignInResult.refused();
            }
            SecondStep next = SecondStep.after(account.role(), new SecondFactors(em).confirmedFor(account.id()),
                    settings.production());
            if (!next.signsInAtOnce()) {
                // Not signed in yet, and the failure count stays: only the completed second
                // step resets it, or knowing the password would reset the count between
                // guessed codes (SecondFactorDesk).
                audit.record(account.email().value(), AuditAction.SIGN_IN_AWAITS_SECOND_FACTOR, "account",
                        account.id().toString(), client, next.name(), now);
                return SignInResult.success(account, next);
            }
            account.recordSignIn(now);
            audit.record(account.email().value(), AuditAction.SIGNED_IN, "account", account.id().toString(), client,
                    null, now);
            return SignInResult.success(account, next);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The session's own sign-out: its registry row closes (a null handle has none) and it is audited. */
    public void signedOut(long accountId, SessionHandle session, String client) {
        Instant now = Instant.now();
        if (session != null) {
            sessions.end(session, EndReason.SIGNED_OUT, now);
        }
        Account account = em.find(Account.class, accountId);
        if (account != null) {
            audit.record(account.email().value(), AuditAction.SIGNED_OUT, "account", account.id().toString(), client,
                    null, now);
        }
    }

    /**
     * The row is locked while its password is checked, so concurrent wrong guesses each count
     * (five parallel guesses must not all slip under the limit).
     */
    private Optional<Account> lockedForUpdate(String address) {
        EmailAddress email;
        try {
            email = EmailAddress.of(address);
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
        return em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", email.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    private static String safe(String address) {
        return address == null ? "" : address.length() > 320 ? address.substring(0, 320) : address;
    }
}
