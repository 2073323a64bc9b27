package org.sealpost.portal.account;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sealpost.portal.account.password.PasswordHasher;
import org.sealpost.portal.language.Language;

/**
 * A password sign-in's service path, run for the warm-up before readiness (ADR 0020, ADR 0027)
 * on a throw-away account inside <em>one</em> transaction that is always rolled back: the
 * account is inserted with a throw-away password's Argon2id hash, its stored hash is looked up
 * as a sign-in does ({@link SignInRecords#passwordHashToCheck}), the password is verified with
 * the real hasher (in a start's first round; later rounds compare with that hash), and the
 * outcome is settled ({@link SignInRecords#settle}: the account's row lock, its sign-in and
 * language, the session registry's row, the {@code SIGNED_IN} audit event). Then everything is
 * rolled back.
 *
 * <p>Why this leaves nothing behind: every row is written in that one transaction, and
 * PostgreSQL discards them all with it; the audit chain links only committed rows, after
 * commit and in another transaction (ADR 0014), so it never sees the event; the audit meters
 * count an event only when its transaction commits ({@code AuditTrail}); the client throttle
 * (in memory) is never asked. The one trace is in the identity sequences of {@code account},
 * {@code portal_session} and {@code audit_event}: PostgreSQL's {@code nextval} is never rolled
 * back, so the next real row's id skips the numbers the rehearsals took. Ids carry no meaning
 * (the audit chain orders by its own {@code chain_seq}).
 */
@Stateless
public class SignInRehearsal {

    /** RFC 2606's reserved top-level domain: no account of a real person can have this address. */
    static final String DOMAIN = ReservedDomains.WARM_UP;

    /**
     * A throw-away password and its hash, made once (one Argon2id hash) and reused by every
     * round; {@code verified} once the first round has verified it with the real hasher.
     */
    private record ThrowAway(char[] password, String hash, AtomicBoolean verified) {}

    private static volatile ThrowAway throwAway;

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private Passwords passwords;

    @Inject
    private SignInRecords records;

    @Resource
    private SessionContext context;

    /**
     * One rehearsal in a transaction of its own, always rolled back: the sign-in, then {@code
     * then} as its signed-in account.
     *
     * @return whether the rehearsal reached a signed-in outcome (the whole path ran)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean round(SignedInRehearsal then) throws Exception {
        try {
            Instant now = Instant.now();
            Optional<SignInResult.SignedIn> signedIn = rehearse(em, records, passwords.hasher(), now);
            if (signedIn.isEmpty()) {
                return false;
            }
            then.signedIn(signedIn.get().accountId(), signedIn.get().session(), now);
            return true;
        } finally {
            context.setRollbackOnly();
        }
    }

    /**
     * The rehearsal's statements, in the caller's transaction on {@code em}, which the caller
     * must roll back; for a test's entity manager as for the container's.
     */
    static Optional<SignInResult.SignedIn> rehearse(
            EntityManager em, SignInRecords records, PasswordHasher hasher, Instant now) {
        ThrowAway t = throwAway(hasher);
        String address = "signin-" + UUID.randomUUID() + "@" + DOMAIN;
        Account account = Account.pendingRecipient(EmailAddress.of(address));
        // Registered a moment before it signs in, as every account is: sessions are valid only
        // after the registration's time, which PostgreSQL keeps to the microsecond (rounded), so
        // the same instant could fall either side of it.
        account.register(t.hash(), now.minusSeconds(1));
        em.persist(account);
        em.flush();
        Optional<String> stored = records.passwordHashToCheck(address, now);
        // Argon2id runs in native code (or BouncyCastle's, compiled after the first few hashes):
        // there is nothing for the JIT to learn from a second hash, and each one would cost a
        // round its largest share (~27 ms of ~100 on the quiet machine). So the real hasher
        // verifies once per start, and later rounds compare with the hash that verified.
        boolean right = stored.isPresent()
                && (t.verified().compareAndSet(false, true)
                        ? hasher.verify(t.password(), stored.get())
                        : stored.get().equals(t.hash()));
        SignInResult result = records.settle(
                address,
                stored.orElse(null),
                right,
                new SigningInClient("127.0.0.1", "warm-up", Language.ENGLISH),
                now,
                SignInPolicy.DEFAULT);
        em.flush();
        // A recipient without a second factor signs in at once (SecondStep.NONE): a session.
        return result.signedIn().filter(s -> s.session() != null);
    }

    private static ThrowAway throwAway(PasswordHasher hasher) {
        ThrowAway t = throwAway;
        if (t == null) {
            char[] password = Passwords.throwAway();
            t = new ThrowAway(password, hasher.hash(password), new AtomicBoolean());
            throwAway = t;
        }
        return t;
    }
}
