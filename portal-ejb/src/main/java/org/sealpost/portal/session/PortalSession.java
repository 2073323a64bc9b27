package org.sealpost.portal.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One signed-in session of an account, as every portal node sees it (migration V4). It is
 * opened at sign-in, touched by its requests (at most once per {@link Activity#TOUCH_INTERVAL},
 * so a page view stays a read), and ended once, with an {@link EndReason}; an ended session
 * never opens again. Who the session belongs to, its handle and when it signed in never change.
 *
 * <p>The queries are named here and used only by {@link SessionRegistry}, the table's owner.
 */
@Entity
@Table(name = "portal_session")
@NamedQueries({
    @NamedQuery(
            name = PortalSession.OF_ACCOUNT,
            query = "SELECT s FROM PortalSession s WHERE s.handle = :handle AND s.accountId = :account"),
    @NamedQuery(
            name = PortalSession.OPEN_OF_ACCOUNT,
            query = "SELECT s FROM PortalSession s WHERE s.accountId = :account AND s.endedAt IS NULL"
                    + " AND s.lastSeenAt >= :activeSince ORDER BY s.lastSeenAt DESC, s.id DESC"),
    @NamedQuery(name = PortalSession.BY_HANDLE, query = "SELECT s FROM PortalSession s WHERE s.handle = :handle"),
    @NamedQuery(
            name = PortalSession.COUNT_ACTIVE,
            query = "SELECT COUNT(s) FROM PortalSession s WHERE s.endedAt IS NULL AND s.lastSeenAt >= :activeSince"
                    + " AND s.signedInAt > :signedInAfter"),
    @NamedQuery(
            name = PortalSession.PURGE,
            // A session ends after (or at) its last activity, so "last seen before the
            // retention" covers every row "ended before it" did, and it is one range of the
            // index on (account_id, last_seen_at) (V20): an OR over ended_at made PostgreSQL
            // scan the whole table on every sign-in.
            query = "DELETE FROM PortalSession s WHERE s.accountId = :account AND s.lastSeenAt < :before"),
    @NamedQuery(
            name = PortalSession.END_ALL,
            query = "UPDATE PortalSession s SET s.endedAt = :now, s.endReason = :reason"
                    + " WHERE s.accountId = :account AND s.endedAt IS NULL AND s.handle <> :keep")
})
public class PortalSession {

    static final String OF_ACCOUNT = "PortalSession.ofAccount";
    static final String OPEN_OF_ACCOUNT = "PortalSession.openOfAccount";
    static final String BY_HANDLE = "PortalSession.byHandle";
    static final String COUNT_ACTIVE = "PortalSession.countActive";
    static final String PURGE = "PortalSession.purge";
    static final String END_ALL = "PortalSession.endAll";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String handle;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "signed_in_at", nullable = false, updatable = false)
    private OffsetDateTime signedInAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    @Column(nullable = false, updatable = false)
    private String device;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private EndReason endReason;

    protected PortalSession() {
        // for JPA
    }

    private PortalSession(long accountId, SessionHandle handle, String clientAddress, String device, Instant now) {
        this.handle = handle.value();
        this.accountId = accountId;
        this.signedInAt = at(now);
        this.lastSeenAt = at(now);
        this.clientAddress = clientAddress;
        this.device = device;
    }

    /**
     * A session that signs in now, under a fresh random handle. Only the device's summary of
     * the User-Agent header is kept ({@link DeviceSummary}), never the header.
     */
    public static PortalSession open(long accountId, String clientAddress, String userAgent, Instant now) {
        return new PortalSession(
                accountId,
                SessionHandle.random(),
                clientAddress,
                DeviceSummary.of(userAgent).stored(),
                now);
    }

    /**
     * A request of this session at {@code now}: last-seen moves on when it is more than {@link
     * Activity#TOUCH_INTERVAL} old, so most requests write nothing. An ended session stays as
     * it ended. Returns whether anything changed (and will be written).
     */
    public boolean touch(Instant now) {
        if (!isOpen() || !lastSeenAt.toInstant().isBefore(Activity.touchedBefore(now))) {
            return false;
        }
        lastSeenAt = at(now);
        return true;
    }

    /** Ends the session for {@code reason}; a session ends once, so an ended one keeps its first reason. */
    public boolean end(EndReason reason, Instant now) {
        if (reason == null) {
            throw new IllegalArgumentException("a session ends for a reason");
        }
        if (!isOpen()) {
            return false;
        }
        endedAt = at(now);
        endReason = reason;
        return true;
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    /** Open and seen recently enough to count as active ({@link Activity}). */
    public boolean isActive(Activity activity, Instant now) {
        return isOpen() && activity.isActive(lastSeenAt.toInstant(), now);
    }

    /** What the per-request check learns from this row, given the account's standing. */
    SessionCheck check(boolean accountActive, Instant sessionsValidAfter) {
        return new SessionCheck(accountActive, sessionsValidAfter, true, endReason, signedInAt.toInstant());
    }

    /** The session as its owner sees it on the account page; {@code current} marks the asking one. */
    public OpenSession view(SessionHandle current) {
        SessionHandle h = handle();
        return new OpenSession(
                h, device(), clientAddress, signedInAt.toInstant(), lastSeenAt.toInstant(), h.equals(current));
    }

    public SessionHandle handle() {
        return new SessionHandle(handle);
    }

    public long accountId() {
        return accountId;
    }

    public Instant signedInAt() {
        return signedInAt.toInstant();
    }

    public Instant lastSeenAt() {
        return lastSeenAt.toInstant();
    }

    public Optional<EndReason> endReason() {
        return Optional.ofNullable(endReason);
    }

    public DeviceSummary device() {
        return DeviceSummary.fromStored(device);
    }

    public String clientAddress() {
        return clientAddress;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
