package org.sealpost.portal.outbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the durable outbound queue; every method runs in the caller's transaction. */
public final class OutboundQueue {

    private OutboundQueue() {
    }

    /**
     * Queues message {@code contentId} (sealed, stored) for relay to an internal address through
     * the smarthost: the mail a portal user sends to a colleague. The row, not the mail, is what
     * the transaction commits: with the sent copy, so a crash cannot send without a copy or keep
     * a copy that never goes (at-least-once from here, like notifications).
     */
    public static void enqueueRelay(Connection c, String recipient, long senderAccountId, UUID contentId, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, content_id, state, next_attempt_at)
                VALUES ('RELAY', ?, ?, ?, 'QUEUED', ?)""")) {
            ps.setString(1, recipient);
            ps.setLong(2, senderAccountId);
            ps.setObject(3, contentId);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /**
     * Locks up to {@code limit} due rows. SKIP LOCKED leaves rows another node holds to that
     * node, so two nodes never send one mail, and neither waits for the other.
     */
    static List<QueuedMail> claimDue(Connection c, Instant now, int limit) throws SQLException {
        List<QueuedMail> due = new ArrayList<>();
        // Arrival notifications and mail people wrote to colleagues first, then the rest, each
        // oldest first: a queue of link mail or account notices never delays either (issue 14).
        // Served by the index outbound_mail_due_arrivals_first (V10).
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, kind, recipient, account_id, content_id, attempts, created_at FROM outbound_mail
                WHERE state = 'QUEUED' AND next_attempt_at <= ?
                ORDER BY (kind NOT IN ('NOTIFY_NEW_MESSAGE', 'RELAY')), next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(row(rs));
                }
            }
        }
        return due;
    }

    private static QueuedMail row(ResultSet rs) throws SQLException {
        long account = rs.getLong(4);
        return new QueuedMail(rs.getLong(1), OutboundKind.valueOf(rs.getString(2)), rs.getString(3), rs.wasNull() ? null : account,
                rs.getObject(5, UUID.class), rs.getInt(6), rs.getTimestamp(7).toInstant());
    }

    /**
     * Locks every other arrival notification still queued for {@code recipient}, due or not, so
     * the one mail about to go out (or the one postponement) covers all of them. When a
     * notification covered only the rows one {@link #claimDue} batch happened to hold, the
     * quiet period postponed the rest: a burst drained at one batch of 50 per quiet period.
     * Rows the caller already holds are excluded by id, since FOR UPDATE would return them again
     * (a transaction does not skip its own locks).
     */
    static List<QueuedMail> claimQueuedArrivals(Connection c, String recipient, Collection<Long> held)
            throws SQLException {
        List<QueuedMail> more = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, kind, recipient, account_id, content_id, attempts, created_at FROM outbound_mail
                WHERE recipient = ? AND kind = 'NOTIFY_NEW_MESSAGE' AND state = 'QUEUED' AND NOT (id = ANY (?))
                ORDER BY id FOR UPDATE SKIP LOCKED""")) {
            ps.setString(1, recipient);
            ps.setArray(2, c.createArrayOf("bigint", held.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    more.add(row(rs));
                }
            }
        }
        return more;
    }

    /** When this recipient was last sent a notification, if ever. */
    static Optional<Instant> lastNotified(Connection c, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT max(sent_at) FROM outbound_mail
                WHERE recipient = ? AND kind = 'NOTIFY_NEW_MESSAGE' AND state = 'SENT'""")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
        }
    }

    static void markSent(Connection c, Collection<QueuedMail> mails, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE outbound_mail SET state = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL
                WHERE id = ?""")) {
            for (QueuedMail m : mails) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, m.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A failed attempt: counted, the reason kept, tried again at {@code next}. */
    static void defer(Connection c, Collection<QueuedMail> mails, String error, Instant next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE outbound_mail SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?""")) {
            for (QueuedMail m : mails) {
                ps.setString(1, error);
                ps.setTimestamp(2, Timestamp.from(next));
                ps.setLong(3, m.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Not an attempt: the rows wait for the recipient's quiet period to end, then go out as one. */
    static void postpone(Connection c, Collection<QueuedMail> mails, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbound_mail SET next_attempt_at = ? WHERE id = ?")) {
            for (QueuedMail m : mails) {
                ps.setTimestamp(1, Timestamp.from(until));
                ps.setLong(2, m.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void giveUp(Connection c, Collection<QueuedMail> mails, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE outbound_mail SET state = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?""")) {
            for (QueuedMail m : mails) {
                ps.setString(1, error);
                ps.setLong(2, m.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Queues a link mail unless one of that kind is already pending for the address; the
     * partial unique index outbound_mail_one_pending_link (V10) makes that hold across nodes.
     *
     * @return true if a row was added
     */
    static boolean queueLinkUnlessPending(Connection c, String kind, String recipient, long accountId, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, state, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'QUEUED', ?, ?)
                ON CONFLICT (recipient, kind) WHERE state = 'QUEUED' AND kind IN ('REGISTRATION_LINK', 'PASSWORD_RESET')
                DO NOTHING""")) {
            ps.setString(1, kind);
            ps.setString(2, recipient);
            ps.setLong(3, accountId);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        }
    }

    /** How many link mails (of any state) the address was queued since {@code since}. */
    static int linkMailsSince(Connection c, String recipient, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM outbound_mail
                WHERE recipient = ? AND kind IN ('REGISTRATION_LINK', 'PASSWORD_RESET') AND created_at >= ?""")) {
            ps.setString(1, recipient);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Queues one mail of {@code kind} for the account's address, due now. */
    static void queue(Connection c, String kind, String recipient, long accountId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, state, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'QUEUED', ?, ?)""")) {
            ps.setString(1, kind);
            ps.setString(2, recipient);
            ps.setLong(3, accountId);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /**
     * Queues one mail of {@code kind} to every active administrator, due now; how many. For the
     * portal's own notices to the people who run it (the bridge certificate expiring).
     */
    public static int queueForAdministrators(Connection c, OutboundKind kind, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, state, next_attempt_at, created_at)
                SELECT ?, email, id, 'QUEUED', ?, ? FROM account WHERE role = 'ADMIN' AND state = 'ACTIVE'""")) {
            ps.setString(1, kind.name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        }
    }

    /** Queued mail of one kind: how many wait, how many of them were deferred, the oldest's queue time. */
    public record Backlog(OutboundKind kind, long waiting, long deferred, Instant oldestQueuedAt) {
    }

    /**
     * The queue's backlog by kind, for monitoring: only rows still to send, which the partial
     * index on due rows covers, so the cost follows the backlog, not the years of sent mail.
     */
    public static List<Backlog> backlog(Connection c) throws SQLException {
        List<Backlog> backlog = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT kind, count(*), count(*) FILTER (WHERE attempts > 0), min(created_at)
                FROM outbound_mail WHERE state = 'QUEUED' GROUP BY kind""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                backlog.add(new Backlog(OutboundKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()));
            }
        }
        return backlog;
    }
}
