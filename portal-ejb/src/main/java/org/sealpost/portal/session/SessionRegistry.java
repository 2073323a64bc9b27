package org.sealpost.portal.session;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;

/**
 * The database registry of signed-in sessions (table {@code portal_session}, migration V4).
 * Every portal node reads and writes the same rows, so a session ended on one node is refused
 * on its next request on any other.
 */
@Stateless
public class SessionRegistry {

    /** Ended rows (and rows a dead node never closed) are kept this long, then purged. */
    static final Duration KEPT_AFTER_END = Duration.ofDays(30);

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private PortalSettings settings;

    private Activity activity;

    /** The absolute session lifetime when {@code SEALPOST_SESSION_MAX_AGE} is not set. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(12);

    private Duration maxAge;

    /** The idle timeout when {@code SEALPOST_SESSION_IDLE} is not set (OWASP ASVS 3.3.2's 15 minutes for a sensitive portal). */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);

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
        SessionHandle handle = SessionHandle.random();
        em.createNativeQuery("""
                DELETE FROM portal_session WHERE account_id = ? AND (ended_at < ? OR last_seen_at < ?)""")
                .setParameter(1, accountId)
                .setParameter(2, at(now.minus(KEPT_AFTER_END)))
                .setParameter(3, at(now.minus(KEPT_AFTER_END)))
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO portal_session (handle, account_id, signed_in_at, last_seen_at, client_address, device)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .setParameter(1, handle.value())
                .setParameter(2, accountId)
                .setParameter(3, at(now))
                .setParameter(4, at(now))
                .setParameter(5, clientAddress)
                .setParameter(6, DeviceSummary.of(userAgent))
                .executeUpdate();
        return handle;
    }

    /**
     * The per-request check, in one statement: the account's row and the session's row, read
     * together, and the session's last-seen time moved to {@code now} if it is more than
     * {@link Activity#TOUCH_INTERVAL} old (the UPDATE matches no row otherwise, so most
     * requests write nothing). The SELECT sees the rows as they were before that update,
     * which is all it needs.
     *
     * @param handle the session's handle; null for a session that has none, which ends
     */
    public SessionVerdict check(long accountId, SessionHandle handle, Instant signedInAt, Instant now) {
        if (handle == null) {
            // Signed in before the registry existed: no row can say it goes on.
            return SessionVerdict.ENDED;
        }
        String h = handle.value();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH touched AS (
                    UPDATE portal_session SET last_seen_at = ?
                    WHERE handle = ? AND account_id = ? AND ended_at IS NULL AND last_seen_at < ?
                    RETURNING id)
                SELECT a.state = 'ACTIVE', a.sessions_valid_after, s.id IS NOT NULL, s.end_reason, s.signed_in_at
                FROM account a LEFT JOIN portal_session s ON s.account_id = a.id AND s.handle = ?
                WHERE a.id = ?""")
                .setParameter(1, at(now))
                .setParameter(2, h)
                .setParameter(3, accountId)
                .setParameter(4, at(Activity.touchedBefore(now)))
                .setParameter(5, h)
                .setParameter(6, accountId)
                .getResultList();
        if (rows.isEmpty()) {
            return SessionVerdict.ENDED;
        }
        Object[] r = rows.get(0);
        SessionCheck check = new SessionCheck(
                Boolean.TRUE.equals(r[0]),
                instant(r[1]),
                Boolean.TRUE.equals(r[2]),
                r[3] == null ? null : EndReason.valueOf((String) r[3]),
                instant(r[4]));
        return check.verdict(signedInAt, now, maxAge);
    }

    /** The account's active sessions, most recently active first, the asking one marked. */
    public List<OpenSession> openSessions(long accountId, SessionHandle current, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT handle, device, client_address, signed_in_at, last_seen_at FROM portal_session
                WHERE account_id = ? AND ended_at IS NULL AND last_seen_at >= ?
                ORDER BY last_seen_at DESC, id DESC""")
                .setParameter(1, accountId)
                .setParameter(2, at(activity.activeSince(now)))
                .getResultList();
        return rows.stream()
                .map(r -> {
                    SessionHandle handle = new SessionHandle((String) r[0]);
                    return new OpenSession(
                            handle, (String) r[1], (String) r[2], instant(r[3]), instant(r[4]), handle.equals(current));
                })
                .toList();
    }

    /**
     * Signs out another session of the same account; it ends on its next request. Only an
     * open session of {@code accountId} other than {@code current} can be ended this way: the
     * owner's id is part of the UPDATE, so a handle of another account's session matches no
     * row and gets the same answer as a handle that never existed. Both outcomes are audited.
     */
    public EndOutcome endOther(
            long accountId, String actor, String handleText, SessionHandle current, String clientAddress, Instant now) {
        Optional<SessionHandle> handle = SessionHandle.parse(handleText).filter(h -> !h.equals(current));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = handle.isEmpty()
                ? List.of()
                : em.createNativeQuery("""
                UPDATE portal_session SET ended_at = ?, end_reason = 'ENDED_FROM_OTHER_SESSION'
                WHERE handle = ? AND account_id = ? AND ended_at IS NULL AND last_seen_at >= ?
                RETURNING device, client_address, signed_in_at, last_seen_at""")
                        .setParameter(1, at(now))
                        .setParameter(2, handle.get().value())
                        .setParameter(3, accountId)
                        .setParameter(4, at(activity.activeSince(now)))
                        .getResultList();
        if (rows.isEmpty()) {
            audit.record(
                    actor,
                    AuditAction.SESSION_END_REFUSED,
                    "account",
                    Long.toString(accountId),
                    clientAddress,
                    "no open session of this account has that handle",
                    now);
            return new EndOutcome.NoSuchSession();
        }
        Object[] r = rows.get(0);
        OpenSession ended =
                new OpenSession(handle.get(), (String) r[0], (String) r[1], instant(r[2]), instant(r[3]), false);
        audit.record(
                actor,
                AuditAction.SIGNED_OUT_OTHER_SESSION,
                "account",
                Long.toString(accountId),
                clientAddress,
                "session of " + ended.device() + " from " + ended.clientAddress() + ", signed in at "
                        + ended.signedInAt(),
                now);
        return new EndOutcome.Ended(ended);
    }

    /** The session signed out, expired or otherwise ended; nothing happens if it already had. */
    public void end(SessionHandle handle, EndReason reason, Instant now) {
        em.createNativeQuery("""
                UPDATE portal_session SET ended_at = ?, end_reason = ? WHERE handle = ? AND ended_at IS NULL""")
                .setParameter(1, at(now))
                .setParameter(2, reason.name())
                .setParameter(3, handle.value())
                .executeUpdate();
    }

    /**
     * Ends every open session of the account but {@code keep} (null: all of them), in the
     * caller's transaction: the password change, reset or "sign out everywhere" that moved the
     * account's sessions-valid-after instant.
     */
    public void endAll(long accountId, SessionHandle keep, EndReason reason, Instant now) {
        endAll(em, accountId, keep, reason, now);
    }

    /** The same, on a given entity manager: for services that also run outside the container. */
    public static void endAll(EntityManager em, long accountId, SessionHandle keep, EndReason reason, Instant now) {
        em.createNativeQuery("""
                UPDATE portal_session SET ended_at = ?, end_reason = ?
                WHERE account_id = ? AND ended_at IS NULL AND handle IS DISTINCT FROM ?""")
                .setParameter(1, at(now))
                .setParameter(2, reason.name())
                .setParameter(3, accountId)
                .setParameter(4, keep == null ? null : keep.value())
                .executeUpdate();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(value.toString());
    }

    /**
     * Sessions that would pass {@link #check} now: not ended, active by {@link Activity}, within
     * the absolute lifetime. For monitoring.
     */
    public long activeSessions(Instant now) {
        return ((Number) em.createNativeQuery("""
                SELECT count(*) FROM portal_session
                WHERE ended_at IS NULL AND last_seen_at >= ? AND signed_in_at > ?""")
                        .setParameter(1, activity.activeSince(now).atOffset(java.time.ZoneOffset.UTC))
                        .setParameter(2, now.minus(maxAge).atOffset(java.time.ZoneOffset.UTC))
                        .getSingleResult())
                .longValue();
    }
}
