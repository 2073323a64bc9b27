package org.sealpost.portal.outbound;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The SQL of the durable outbound queue; every method runs in the caller's transaction. The
 * methods other packages call answer a failed statement with {@link StorageUnavailableException}
 * (the caller's transaction rolls back, the web answers 503); the delivery's own steps keep
 * {@link SQLException} inside this package.
 */
public final class OutboundQueue {

    /** The first key of {@link #lockRecipient}'s advisory locks: no other lock uses it. */
    static final int RECIPIENT_LOCK_SPACE = 0x5e0b0001;

    private OutboundQueue() {}

    /**
     * Queues message {@code contentId} (sealed, stored) for relay to an internal address through
     * the smarthost: the mail a portal user sends to a colleague. The row, not the mail, is what
     * the transaction commits: with the sent copy, so a crash cannot send without a copy or keep
     * a copy that never goes (at-least-once from here, like notifications).
     */
    public static void enqueueRelay(Connection c, String recipient, long senderAccountId, UUID contentId, Instant now) {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, content_id, state, next_attempt_at)
                VALUES ('RELAY', ?, ?, ?, 'QUEUED', ?)""")) {
            ps.setString(1, recipient);
            ps.setLong(2, senderAccountId);
            ps.setObject(3, contentId);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mail to a colleague cannot be queued now", e);
        }
    }

    /**
     * Queues the arrival notification of message {@code contentId} for each recipient
     * ({@code recipients.get(i)} is account {@code accountIds.get(i)}), due at once, in one batch
     * in the intake's own transaction: the notification commits with the message or not at all.
     * Plain JDBC for the intake's speed (ADR 0003).
     */
    public static void queueArrivalNotifications(
            Connection c, UUID contentId, List<EmailAddress> recipients, List<Long> accountIds, Timestamp receivedAt) {
        try (PreparedStatement notify = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, content_id, state, next_attempt_at)
                VALUES ('NOTIFY_NEW_MESSAGE', ?, ?, ?, 'QUEUED', ?)""")) {
            for (int i = 0; i < accountIds.size(); i++) {
                notify.setString(1, recipients.get(i).value());
                notify.setLong(2, accountIds.get(i));
                notify.setObject(3, contentId);
                notify.setTimestamp(4, receivedAt);
                notify.addBatch();
            }
            notify.executeBatch();
        } catch (SQLException e) {
            throw new StorageUnavailableException("the arrival notifications cannot be queued now", e);
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
                SELECT id, kind, recipient, account_id, content_id, attempts, created_at, template_kind, template_language
                FROM outbound_mail
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
        boolean noAccount = rs.wasNull();
        String template = rs.getString(8);
        return new QueuedMail(
                rs.getLong(1),
                OutboundKind.valueOf(rs.getString(2)),
                rs.getString(3),
                noAccount ? null : account,
                rs.getObject(5, UUID.class),
                rs.getInt(6),
                rs.getTimestamp(7).toInstant(),
                template,
                template == null ? null : Language.ofCode(rs.getString(9)).orElse(Language.ENGLISH));
    }

    /**
     * Makes this transaction the only one deciding about {@code recipient}'s arrival
     * notifications until it ends; another node's delivery for the same recipient waits here
     * until this one commits or rolls back. Without it, a node that claimed a new arrival while
     * another node's notification to the same recipient was still being sent saw no notification
     * in {@link #lastNotified} (not committed yet) and sent a second one: the two-node test caught
     * a recipient notified twice. A transaction-level advisory lock (PostgreSQL's
     * {@code pg_advisory_xact_lock}, released at commit or rollback, so a node that dies holds
     * nothing), keyed by this table's lock space and the recipient's hash; a hash collision only
     * makes two recipients' decisions wait for each other.
     */
    static void lockRecipient(Connection c, String recipient) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, RECIPIENT_LOCK_SPACE);
            ps.setString(2, recipient);
            ps.executeQuery().close();
        }
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
                SELECT id, kind, recipient, account_id, content_id, attempts, created_at, template_kind, template_language
                FROM outbound_mail
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

    /**
     * When this recipient was last sent a notification, if ever. JPQL on the delivery's entity
     * manager, in the claim's transaction (ADR 0003: an aggregate, measured no slower).
     */
    static Optional<Instant> lastNotified(EntityManager em, String recipient) {
        OffsetDateTime last = em.createQuery("""
                        SELECT max(o.sentAt) FROM OutboundMail o WHERE o.recipient = :recipient
                        AND o.kind = org.sealpost.portal.outbound.OutboundKind.NOTIFY_NEW_MESSAGE
                        AND o.state = org.sealpost.portal.outbound.DeliveryState.SENT""", OffsetDateTime.class)
                .setParameter("recipient", recipient)
                .getSingleResult();
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
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
    public static boolean queueLinkUnlessPending(
            Connection c, String kind, String recipient, long accountId, Instant now) {
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
        } catch (SQLException e) {
            throw new StorageUnavailableException("the link mail cannot be queued now", e);
        }
    }

    /**
     * How many link mails (of any state) the address was queued since {@code since}. JPQL
     * (ADR 0003: a count, measured no slower).
     *
     * @throws StorageUnavailableException the database cannot be read
     */
    public static int linkMailsSince(EntityManager em, String recipient, Instant since) {
        try {
            return em.createQuery("""
                            SELECT count(o) FROM OutboundMail o WHERE o.recipient = :recipient
                            AND o.kind IN (org.sealpost.portal.outbound.OutboundKind.REGISTRATION_LINK,
                                           org.sealpost.portal.outbound.OutboundKind.PASSWORD_RESET)
                            AND o.createdAt >= :since""", Long.class)
                    .setParameter("recipient", recipient)
                    .setParameter("since", since.atOffset(ZoneOffset.UTC))
                    .getSingleResult()
                    .intValue();
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the address's link mails cannot be counted now", e);
        }
    }

    /** Queues one mail of {@code kind} for the account's address, due now. */
    public static void queue(Connection c, String kind, String recipient, long accountId, Instant now) {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, state, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'QUEUED', ?, ?)""")) {
            ps.setString(1, kind);
            ps.setString(2, recipient);
            ps.setLong(3, accountId);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mail cannot be queued now", e);
        }
    }

    /**
     * Queues one mail of {@code kind} to every active administrator, due now; how many. For the
     * portal's own notices to the people who run it (the bridge certificate expiring).
     */
    public static int queueForAdministrators(Connection c, OutboundKind kind, Instant now) {
        List<AccountDirectory.Addressee> admins = AccountDirectory.activeAdministrators(c);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, state, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'QUEUED', ?, ?)""")) {
            for (AccountDirectory.Addressee admin : admins) {
                ps.setString(1, kind.name());
                ps.setString(2, admin.email());
                ps.setLong(3, admin.accountId());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.addBatch();
            }
            if (!admins.isEmpty()) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the administrators' mail cannot be queued now", e);
        }
        return admins.size();
    }

    /**
     * Queues "send me a test" of one template to the administrator who asked, due now: rendered
     * with sample values when it is sent, through the same smarthost as every mail.
     *
     * @param template the template's name, as notification names it
     */
    public static void queueTemplateTest(
            Connection c, String recipient, long accountId, String template, Language language, Instant now) {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbound_mail (kind, recipient, account_id, template_kind, template_language, state,
                    next_attempt_at, created_at)
                VALUES ('TEMPLATE_TEST', ?, ?, ?, ?, 'QUEUED', ?, ?)""")) {
            ps.setString(1, recipient);
            ps.setLong(2, accountId);
            ps.setString(3, template);
            ps.setString(4, language.code());
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageUnavailableException("the test mail cannot be queued now", e);
        }
    }

    /** Queued mail of one kind: how many wait, how many of them were deferred, the oldest's queue time. */
    public record Backlog(OutboundKind kind, long waiting, long deferred, Instant oldestQueuedAt) {}

    /**
     * The queue's backlog by kind, for monitoring: only rows still to send, which the partial
     * index on due rows covers, so the cost follows the backlog, not the years of sent mail.
     */
    public static List<Backlog> backlog(Connection c) {
        List<Backlog> backlog = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT kind, count(*), count(*) FILTER (WHERE attempts > 0), min(created_at)
                FROM outbound_mail WHERE state = 'QUEUED' GROUP BY kind""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                backlog.add(new Backlog(
                        OutboundKind.valueOf(rs.getString(1)),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mail queue's backlog cannot be read now", e);
        }
        return backlog;
    }

    // --- The administrators' mail queue (issue 12) ---

    private static final String ENTRY_COLUMNS =
            "id, kind, recipient, state, attempts, created_at, next_attempt_at, last_error";

    private static QueueEntry entry(ResultSet rs) throws SQLException {
        return new QueueEntry(
                rs.getLong(1),
                OutboundKind.valueOf(rs.getString(2)),
                rs.getString(3),
                QueueState.of(rs.getString(4), rs.getInt(5)),
                rs.getInt(5),
                rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8));
    }

    private static String inStates(Set<QueueState> states) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("no state asked for");
        }
        return states.stream().map(s -> "(" + s.condition + ")").collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** Undelivered rows in {@code states}, newest first, a page of at most {@code limit} from {@code offset}. */
    public static List<QueueEntry> undelivered(Connection c, Set<QueueState> states, int offset, int limit) {
        List<QueueEntry> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM outbound_mail WHERE "
                + inStates(states) + " ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?")) {
            ps.setInt(1, offset);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(entry(rs));
                }
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mail queue cannot be read now", e);
        }
        return rows;
    }

    /**
     * How many undelivered rows are in {@code states}: the length of the administrators' list.
     * JPQL (ADR 0003: a count, measured no slower).
     *
     * @throws StorageUnavailableException the database cannot be read
     */
    public static long countUndelivered(EntityManager em, Set<QueueState> states) {
        try {
            return em.createQuery(
                            "SELECT count(o) FROM OutboundMail o WHERE " + QueueState.jpql(states, "o"), Long.class)
                    .getSingleResult();
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the mail queue cannot be counted now", e);
        }
    }

    /** An undelivered row, if {@code id} names one. */
    public static Optional<QueueEntry> findUndelivered(Connection c, long id) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + ENTRY_COLUMNS + " FROM outbound_mail WHERE id = ? AND state <> 'SENT'")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the queued mail cannot be read now", e);
        }
    }

    /** Counts by state and the oldest deferred mail, in one pass over the undelivered rows. */
    public static QueueFigures figures(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE state = 'QUEUED' AND attempts = 0),
                       count(*) FILTER (WHERE state = 'QUEUED' AND attempts > 0),
                       count(*) FILTER (WHERE state = 'FAILED'),
                       min(created_at) FILTER (WHERE state = 'QUEUED' AND attempts > 0)
                FROM outbound_mail WHERE state <> 'SENT'""");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(4);
            return new QueueFigures(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            throw new StorageUnavailableException("the mail queue's figures cannot be read now", e);
        }
    }

    /**
     * An administrator's "retry now": the row is due at {@code now} again, given-up rows too (a
     * given-up row keeps its age, so another failure gives it up again at once). A given-up link
     * mail is not revived while a newer one of its kind waits for the address: the unique index
     * outbound_mail_one_pending_link (V10) allows one.
     *
     * @return false when the row is sent, gone, or such a link mail
     */
    public static boolean retryNow(EntityManager em, long id, Instant now) {
        // Locked like the delivery's claim, so a row being sent right now waits for its outcome.
        OutboundMail mail = em.find(OutboundMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || !mail.mayRetry()) {
            return false;
        }
        if (mail.state() == DeliveryState.FAILED && mail.carriesLink() && linkWaiting(em, mail)) {
            return false;
        }
        mail.retryAt(now);
        // Flushed at once: the caller goes on reading the queue in SQL on the same connection.
        em.flush();
        return true;
    }

    private static boolean linkWaiting(EntityManager em, OutboundMail given) {
        return em.createQuery("""
                        SELECT count(o) FROM OutboundMail o
                        WHERE o.recipient = :recipient AND o.kind = :kind AND o.state = :queued""", Long.class)
                        .setParameter("recipient", given.recipient())
                        .setParameter("kind", given.kind())
                        .setParameter("queued", DeliveryState.QUEUED)
                        .getSingleResult()
                > 0;
    }

    /**
     * An administrator gives a queued or deferred row up: it is not tried again, and
     * {@code reason} replaces the last error.
     *
     * @return false when the row is not waiting (sent, given up already, or gone)
     */
    public static boolean giveUpNow(EntityManager em, long id, String reason) {
        OutboundMail mail = em.find(OutboundMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || !mail.mayGiveUp()) {
            return false;
        }
        mail.giveUp(reason);
        em.flush();
        return true;
    }

    /**
     * An administrator deletes an undelivered row. A sent row is history and stays.
     *
     * @return false when there was no such undelivered row
     */
    public static boolean deleteUndelivered(EntityManager em, long id) {
        // Locked like the delivery's claim, so a row being sent right now waits for its outcome
        // (a sent row is then history and stays).
        OutboundMail mail = em.find(OutboundMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || mail.state() == DeliveryState.SENT) {
            return false;
        }
        em.remove(mail);
        // Flushed at once: the caller goes on reading the queue in SQL on the same connection.
        em.flush();
        return true;
    }

    /**
     * The account is being deleted: every row for it or written by it goes. Mail not yet sent
     * must not go out afterwards (a link to a deleted account, a colleague's copy of a message
     * being shredded), and the history of sent mail would keep the deleted person's address.
     *
     * @return how many rows had not been sent
     */
    public static int forgetAccount(Connection c, long accountId) {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM outbound_mail WHERE account_id = ? RETURNING state")) {
            ps.setLong(1, accountId);
            int undelivered = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    undelivered += rs.getString(1).equals("SENT") ? 0 : 1;
                }
            }
            return undelivered;
        } catch (SQLException e) {
            throw new StorageUnavailableException("the account's queued mail cannot be deleted now", e);
        }
    }
}
