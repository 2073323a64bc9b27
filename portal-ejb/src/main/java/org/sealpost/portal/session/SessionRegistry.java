package org.sealpost.portal.session;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;

/**
 * The database registry of signed-in sessions, and the one owner of the {@code portal_session}
 * table ({@link PortalSession}, migration V4): every statement about it is here. Every portal
 * node reads and writes the same rows, so a session ended on one node is refused on its next
 * request on any other.
 *
 * <p>The account's side of the per-request check (is it active, since when are its sessions
 * valid) is the account owner's to read ({@link AccountStandings}); both reads
 * run in the caller's one transaction, on one connection.
 */
@ApplicationScoped
@Transactional
public class SessionRegistry {

    /**
     * Ended rows (and rows a dead node never closed) are kept this long after their last
     * activity, then purged when the account next signs in.
     */
    static final Duration KEPT_AFTER_END = Duration.ofDays(30);

    /** The absolute session lifetime when {@code SEALPOST_SESSION_MAX_AGE} is not set. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(12);

    /** The idle timeout when {@code SEALPOST_SESSION_IDLE} is not set (OWASP ASVS 3.3.2's 15 minutes for a sensitive portal). */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);

    /**
     * Stands for "keep none" in {@link PortalSession#END_ALL}: JPQL's {@code <>} against NULL
     * matches nothing, and no handle is empty (the table checks their form).
     */
    private static final String NO_HANDLE = "";

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalSettings settings;

    @Inject
    private AccountStandings standings;

    private Activity activity;

    private Duration maxAge;

    public SessionRegistry() {
        // for the container
    }

    /** Outside the container (tests, operator commands): over a given entity manager and timeouts. */
    public SessionRegistry(EntityManager em, AccountStandings standings, Duration idleTimeout, Duration maxAge) {
        this.em = em;
        this.standings = standings;
        this.activity = new Activity(idleTimeout);
        this.maxAge = maxAge;
    }

    /**
     * The idle timeout: the container's session timeout ({@code SessionSetup}) and the registry's
     * own idea of "still active" must be the same figure, so both read it here.
     */
    public static Duration idleTimeout(PortalSettings settings) {
        return settings.duration(Setting.SESSION_IDLE, DEFAULT_IDLE);
    }

    @PostConstruct
    void readSettings() {
        activity = new Activity(idleTimeout(settings));
        maxAge = settings.duration(Setting.SESSION_MAX_AGE, DEFAULT_MAX_AGE);
    }

    /** A new signed-in session of the account; its handle goes into the servlet session. */
    public SessionHandle register(long accountId, String clientAddress, String userAgent, Instant now) {
        em.createNamedQuery(PortalSession.PURGE)
                .setParameter("account", accountId)
                .setParameter("before", now.minus(KEPT_AFTER_END).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        PortalSession session = PortalSession.open(accountId, clientAddress, userAgent, now);
        em.persist(session);
        return session.handle();
    }

    /**
     * The per-request check: the account's standing and the session's row, read in the
     * caller's transaction, and the row touched ({@link PortalSession#touch}: written at most
     * once a minute, at commit, so most requests only read).
     *
     * @param handle the session's handle; null for a session that has none, which ends
     */
    public SessionVerdict check(long accountId, SessionHandle handle, Instant signedInAt, Instant now) {
        if (handle == null) {
            // Signed in before the registry existed: no row can say it goes on.
            return SessionVerdict.ENDED;
        }
        Optional<AccountStandings.Standing> standing = standings.standing(em, accountId);
        if (standing.isEmpty()) {
            return SessionVerdict.ENDED;
        }
        boolean active = standing.get().active();
        Instant validAfter = standing.get().sessionsValidAfter();
        SessionCheck check = ofAccount(accountId, handle)
                .map(session -> {
                    session.touch(now);
                    return session.check(active, validAfter);
                })
                .orElseGet(() -> new SessionCheck(active, validAfter, false, null));
        return check.verdict(signedInAt, now, maxAge);
    }

    /** The account's active sessions, most recently active first, the asking one marked. */
    public List<OpenSession> openSessions(long accountId, SessionHandle current, Instant now) {
        return em.createNamedQuery(PortalSession.OPEN_OF_ACCOUNT, PortalSession.class)
                .setParameter("account", accountId)
                .setParameter("activeSince", activity.activeSince(now).atOffset(ZoneOffset.UTC))
                .getResultStream()
                .map(session -> session.view(current))
                .toList();
    }

    /**
     * Signs out another session of the same account; it ends on its next request. Only an
     * active session of {@code accountId} other than {@code current} can be ended this way: the
     * owner's id is part of the lookup, so a handle of another account's session finds no row
     * and gets the same answer as a handle that never existed. The row is locked while it
     * ends, so two requests ending it at once record one ending. Both outcomes are audited.
     */
    public EndOutcome endOther(
            long accountId, String actor, String handleText, SessionHandle current, String clientAddress, Instant now) {
        Optional<PortalSession> target = SessionHandle.parse(handleText)
                .filter(h -> !h.equals(current))
                .flatMap(h -> ofAccount(accountId, h, LockModeType.PESSIMISTIC_WRITE))
                .filter(session -> session.isActive(activity, now));
        if (target.isEmpty()) {
            AuditTrail.on(em)
                    .record(
                            actor,
                            AuditAction.SESSION_END_REFUSED,
                            "account",
                            Long.toString(accountId),
                            clientAddress,
                            "no open session of this account has that handle",
                            now);
            return new EndOutcome.NoSuchSession();
        }
        target.get().end(EndReason.ENDED_FROM_OTHER_SESSION, now);
        OpenSession session = target.get().view(current);
        AuditTrail.on(em)
                .record(
                        actor,
                        AuditAction.SIGNED_OUT_OTHER_SESSION,
                        "account",
                        Long.toString(accountId),
                        clientAddress,
                        "session of " + session.device().stored() + " from " + session.clientAddress()
                                + ", signed in at " + session.signedInAt(),
                        now);
        return new EndOutcome.Ended(session);
    }

    /** The session signed out, expired or otherwise ended; nothing happens if it already had. */
    public void end(SessionHandle handle, EndReason reason, Instant now) {
        em.createNamedQuery(PortalSession.BY_HANDLE, PortalSession.class)
                .setParameter("handle", handle.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .ifPresent(session -> session.end(reason, now));
    }

    /**
     * Ends every open session of the account but {@code keep} (null: all of them), in the
     * caller's transaction: the password change, reset or "sign out everywhere" that moved the
     * account's sessions-valid-after instant.
     */
    public void endAll(long accountId, SessionHandle keep, EndReason reason, Instant now) {
        endAll(em, accountId, keep, reason, now);
    }

    /**
     * The same, on a given entity manager: for services that also run outside the container.
     * One bulk UPDATE rather than loading every row: an account may have many sessions, and
     * none of them needs more than {@link PortalSession#end}'s rule, which the statement states.
     */
    public static void endAll(EntityManager em, long accountId, SessionHandle keep, EndReason reason, Instant now) {
        em.createNamedQuery(PortalSession.END_ALL)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("reason", reason)
                .setParameter("account", accountId)
                .setParameter("keep", keep == null ? NO_HANDLE : keep.value())
                .executeUpdate();
    }

    /**
     * Sessions that would pass {@link #check} now: not ended, active by {@link Activity}, within
     * the absolute lifetime. For monitoring.
     */
    public long activeSessions(Instant now) {
        return em.createNamedQuery(PortalSession.COUNT_ACTIVE, Long.class)
                .setParameter("activeSince", activity.activeSince(now).atOffset(ZoneOffset.UTC))
                .setParameter("signedInAfter", now.minus(maxAge).atOffset(ZoneOffset.UTC))
                .getSingleResult();
    }

    private Optional<PortalSession> ofAccount(long accountId, SessionHandle handle) {
        return ofAccount(accountId, handle, LockModeType.NONE);
    }

    private Optional<PortalSession> ofAccount(long accountId, SessionHandle handle, LockModeType lock) {
        return em.createNamedQuery(PortalSession.OF_ACCOUNT, PortalSession.class)
                .setParameter("handle", handle.value())
                .setParameter("account", accountId)
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }
}
