package org.sealpost.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
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
@ApplicationScoped
@Transactional
public class SignInService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private Passwords passwords;

    @Inject
    private ClientThrottle throttle;

    @Inject
    private SignInRecords records;

    @Inject
    private AuditTrail audit;

    @Inject
    private SessionRegistry sessions;

    private final SignInPolicy policy = SignInPolicy.DEFAULT;

    public SignInService() {
        // for the container
    }

    /** For tests of the steps that need no database (the throttled refusal). */
    SignInService(Passwords passwords, ClientThrottle throttle, SignInRecords records) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.records = records;
    }

    /**
     * Outside any transaction: the Argon2id check runs between two short ones
     * ({@link SignInRecords}), so it holds no row lock, no pooled connection and no
     * transaction for its ~60 ms (issue 15).
     */
    @Transactional(TxType.NOT_SUPPORTED)
    public SignInResult signIn(String address, char[] password, SigningInClient client) {
        Instant now = Instant.now();
        try {
            if (throttle.exhausted(client.address(), now, policy)) {
                records.throttled(address, client.address(), now);
                return SignInResult.refused();
            }
            Optional<String> stored = records.passwordHashToCheck(address, now);
            // The same Argon2id work whether or not there is an account that may try.
            boolean right = stored.isPresent()
                    ? passwords.hasher().verify(password, stored.get())
                    : passwords.hasher().verifyAgainstDummy(password);
            SignInResult result = records.settle(address, stored.orElse(null), right, client, now, policy);
            if (!result.succeeded()) {
                throttle.recordFailure(client.address(), now, policy);
            }
            return result;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** A second step completed the sign-in of {@code accountId}: its session opens now ({@link SignInRecords#secondStepDone}). */
    public SessionHandle secondStepDone(long accountId, SigningInClient client) {
        return records.secondStepDone(accountId, client, Instant.now());
    }

    /** The session's own sign-out: its registry row closes (a null handle has none) and it is audited. */
    public void signedOut(long accountId, SessionHandle session, String client) {
        Instant now = Instant.now();
        if (session != null) {
            sessions.end(session, EndReason.SIGNED_OUT, now);
        }
        Account account = em.find(Account.class, accountId);
        if (account != null) {
            audit.record(
                    account.email().value(),
                    AuditAction.SIGNED_OUT,
                    "account",
                    account.id().toString(),
                    client,
                    null,
                    now);
        }
    }
}
