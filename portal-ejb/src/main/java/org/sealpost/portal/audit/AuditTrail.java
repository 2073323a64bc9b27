package org.sealpost.portal.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit trail, and the one owner of the {@code audit_event} table ({@link AuditEvent}): every
 * statement about it is here. Events are recorded in the caller's transaction, so an event is kept exactly when
 * what it describes is (a sign-in failure is recorded with the failure count it raised).
 *
 * <h2>Recording</h2>
 * <ul>
 * <li>{@link #record(String, AuditAction, String, String, String, String, Instant)}: who
 * ({@code actor}: an address, {@code system}, {@code mail-bridge}, {@code operator:<user>}) did
 * what ({@link AuditAction}) to which target ({@code targetType} such as {@code account},
 * {@code message}, {@code policy}, and its id), from which client address, with a short detail
 * that never holds a message's words or a secret.</li>
 * <li>{@link #recordChange(String, AuditAction, String, String, String, String, String, String, boolean, Instant)}:
 * a change made in the admin console (on the caller's entity manager), with the field's name and its value before and after.
 * Pass {@code secret = true} for passwords, keys, TOTP secrets and the like: both values are
 * then stored as {@link #MASKED} (a {@code null} stays {@code null}, so "was not set" still
 * shows), never the secret. Record one event per changed field.</li>
 * <li>Injected, the trail writes on the container's entity manager; {@link #on(EntityManager)}
 * is the same trail on the caller's entity manager and {@link #on(Connection)} on its JDBC
 * connection (the intake's path, ADR 0003): for plain classes that also run outside the
 * container. Either way an event is built, written and counted by the same lines.</li>
 * </ul>
 *
 * <h2>The chain (ADR 0014)</h2>
 * Recording never waits for the chain: rows are inserted unlinked ({@code chain_seq} NULL) by
 * any number of writers on any number of nodes, and {@link AuditChainLinker} gives committed
 * rows their sequence number and hash ({@link AuditChainHash}) within seconds. Once linked, a
 * row is never written again; {@link AuditChainVerifier} finds any later change, insertion or
 * removal. Plain JDBC for the linker's statements: links are written as one batch (measured,
 * ADR 0003). The verification's walk is JPQL read as column values, never entities, so millions
 * of rows do not pile up in a persistence context, and the hash covers the values exactly as
 * PostgreSQL stores them (a timestamp's microseconds). The audit page is SQL (measured: JPA
 * cost 1.12x to 3.2x, ADR 0003), as are its capped count (a sub-select with {@code LIMIT}, which
 * JPQL cannot say) and the export's keyset walk; the account page's short history is a JPQL
 * query over the entity.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    /** What a secret's old and new value are recorded as. */
    public static final String MASKED = "********";

    private static final String COLUMNS = """
            id, chain_seq, chain_hash, occurred_at, actor, action, target_type, target_id, client_address, detail,
            field, old_value, new_value""";
    private static final String INSERT = """
            INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, client_address, detail,
                field, old_value, new_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    /** Where this trail writes; {@code null} in the container, which writes on {@link #em}. */
    private EventWriter writer;

    /** For the container, which injects the entity manager. */
    public AuditTrail() {}

    private AuditTrail(EventWriter writer) {
        this.writer = writer;
    }

    /**
     * The trail on the caller's entity manager, in its transaction: for services that are plain
     * classes, or run outside the container in tests.
     */
    public static AuditTrail on(EntityManager em) {
        return new AuditTrail(event -> insert(em, event));
    }

    /** The trail on the caller's JDBC connection (the intake's transaction, ADR 0003; a verification). */
    public static AuditTrail on(Connection c) {
        return new AuditTrail(event -> insert(c, event));
    }

    /** Records an event: who did what to which target, from where, with a short detail (see the class comment). */
    public void record(
            String actor,
            AuditAction action,
            String targetType,
            String targetId,
            String clientAddress,
            String detail,
            Instant at) {
        write(AuditEvent.recorded(new AuditDeed(actor, action, targetType, targetId, clientAddress), detail, at));
    }

    /**
     * A change of one field made by an administrator (or an operator command), with its value
     * before and after; {@code secret} masks both (see the class comment).
     */
    public void recordChange(
            String actor,
            AuditAction action,
            String targetType,
            String targetId,
            String clientAddress,
            String field,
            String oldValue,
            String newValue,
            boolean secret,
            Instant at) {
        AuditDeed deed = new AuditDeed(actor, action, targetType, targetId, clientAddress);
        write(AuditEvent.change(deed, field, mask(oldValue, secret), mask(newValue, secret), at));
    }

    static String mask(String value, boolean secret) {
        return secret && value != null ? MASKED : value;
    }

    /**
     * The one way an event is written, whichever transaction it joins; every event is counted
     * when that transaction commits ({@link CountAtCommit}).
     */
    private void write(AuditEvent event) {
        if (writer != null) {
            writer.insert(event);
        } else {
            insert(em, event);
        }
        CountAtCommit.count(event.action(), WarmUpActors.isWarmUp(event.actor(), event.action()));
    }

    /** Inserts one event in the caller's transaction. */
    @FunctionalInterface
    private interface EventWriter {
        void insert(AuditEvent event);
    }

    /**
     * The INSERT itself, native rather than {@code em.persist}: recording shares its transaction
     * with callers that go on with plain JDBC on the same connection (the rows must be there at
     * once, not at the next flush), and an identity key through JPA costs a second round trip
     * ({@code SELECT lastval()}) on every sign-in; see ADR 0003 for the measured difference.
     * The event's rules are the entity's all the same: it is built by {@link AuditEvent}.
     */
    private static void insert(EntityManager em, AuditEvent event) {
        Query insert = em.createNativeQuery(INSERT);
        List<Object> values = insertValues(event);
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
    }

    private static void insert(Connection c, AuditEvent event) {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            List<Object> values = insertValues(event);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("recorded", e);
        }
    }

    /** {@link #INSERT}'s parameters, in its order: the time, then the texts; a {@code null} is SQL NULL. */
    private static List<Object> insertValues(AuditEvent event) {
        List<Object> values = new ArrayList<>();
        values.add(event.occurredAt().atOffset(ZoneOffset.UTC));
        values.addAll(event.texts());
        return values;
    }

    // ---- reading, for the account page and the audit page

    /**
     * The latest events of {@code actions} done to the account {@code accountId}, newest first:
     * the account page's sign-in history.
     */
    public static List<AuditEvent> aboutAccount(
            EntityManager em, long accountId, Collection<AuditAction> actions, int limit) {
        return em.createQuery(
                        "SELECT e FROM AuditEvent e WHERE e.targetType = 'account' AND e.targetId = :account"
                                + " AND e.action IN :actions ORDER BY e.occurredAt DESC",
                        AuditEvent.class)
                .setParameter("account", Long.toString(accountId))
                .setParameter("actions", actions.stream().map(AuditAction::name).toList())
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * One page of the events {@code filter} selects, newest first; the page is read from the
     * database ({@code OFFSET}/{@code LIMIT}), never the table.
     */
    public static List<AuditEvent> page(Connection c, AuditFilter filter, int first, int size) {
        Where where = Where.of(filter);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_event" + where.sql()
                + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")) {
            int i = where.bind(ps, 1);
            ps.setInt(i++, size);
            ps.setInt(i, first);
            return read(ps);
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    /**
     * How many events {@code filter} selects, counted up to {@code cap} + 1 at most: counting
     * millions of rows for a paginator would cost a scan of the table on every page, so beyond
     * the cap the page says "more than" and asks for a narrower filter.
     */
    public static long count(Connection c, AuditFilter filter, long cap) {
        Where where = Where.of(filter);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM audit_event" + where.sql() + " LIMIT ?) AS selected")) {
            int i = where.bind(ps, 1);
            ps.setLong(i, cap + 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    /**
     * Every event {@code filter} selects, newest first, handed to {@code each} in batches of
     * {@code batch} rows read by keyset (occurred_at, id): an export of millions of rows holds one
     * batch in memory.
     */
    public static long forEach(Connection c, AuditFilter filter, int batch, Consumer<AuditEvent> each) {
        try {
            return forEachBatch(c, filter, batch, each);
        } catch (SQLException e) {
            throw unavailable("read", e);
        }
    }

    private static long forEachBatch(Connection c, AuditFilter filter, int batch, Consumer<AuditEvent> each)
            throws SQLException {
        Where where = Where.of(filter);
        String sql = "SELECT " + COLUMNS + " FROM audit_event" + where.sql()
                + " AND (occurred_at, id) < (?, ?) ORDER BY occurred_at DESC, id DESC LIMIT ?";
        OffsetDateTime beforeAt = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
        long beforeId = Long.MAX_VALUE;
        long total = 0;
        while (true) {
            List<AuditEvent> rows;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = where.bind(ps, 1);
                ps.setObject(i++, beforeAt);
                ps.setLong(i++, beforeId);
                ps.setInt(i, batch);
                rows = read(ps);
            }
            rows.forEach(each);
            total += rows.size();
            if (rows.size() < batch) {
                return total;
            }
            AuditEvent last = rows.get(rows.size() - 1);
            beforeAt = last.occurredAt().atOffset(ZoneOffset.UTC);
            beforeId = last.id();
        }
    }

    // ---- the chain (AuditChainLinker, AuditChainVerifier)

    /** Up to {@code limit} committed events not linked yet, oldest id first. */
    static List<AuditEvent> unlinked(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_event WHERE chain_seq IS NULL ORDER BY id LIMIT ?")) {
            ps.setInt(1, limit);
            return read(ps);
        }
    }

    /** One link to write: event {@code id} gets {@code seq} and {@code hash}. */
    record Link(long id, long seq, byte[] hash) {}

    /**
     * Writes the links as one batch. Only unlinked rows are written: a row that is linked
     * already is never touched again (the linker holds the chain head, so none can be).
     */
    static void link(Connection c, List<Link> links) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_event SET chain_seq = ?, chain_hash = ? WHERE id = ? AND chain_seq IS NULL")) {
            for (Link link : links) {
                ps.setLong(1, link.seq());
                ps.setBytes(2, link.hash());
                ps.setLong(3, link.id());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new SQLException("audit event " + links.get(i).id() + " was linked by someone else");
                }
            }
        }
    }

    /**
     * Up to {@code limit} linked events after ({@code seq}, {@code id}), in chain order: the
     * verification's walk. JPQL (ADR 0003: measured within 10 % of its SQL), read as column
     * values, not entities, so a walk over millions of rows leaves nothing in the persistence
     * context; {@code occurredAt} comes back with PostgreSQL's microseconds, which the hash covers.
     * The {@code chainSeq >= :seq} beside the keyset lets the index on chain_seq start the scan
     * at the batch's place rather than at the chain's beginning.
     */
    static List<AuditEvent> linkedAfter(EntityManager em, long seq, long id, int limit) {
        List<AuditEvent> events = new ArrayList<>();
        for (Object[] row : em.createQuery("""
                        SELECT e.id, e.chainSeq, e.chainHash, e.occurredAt, e.actor, e.action, e.targetType,
                               e.targetId, e.clientAddress, e.detail, e.field, e.oldValue, e.newValue
                        FROM AuditEvent e
                        WHERE e.chainSeq IS NOT NULL AND e.chainSeq >= :seq AND (e.chainSeq > :seq OR e.id > :id)
                        ORDER BY e.chainSeq, e.id""", Object[].class)
                .setParameter("seq", seq)
                .setParameter("id", id)
                .setMaxResults(limit)
                .getResultList()) {
            events.add(new AuditEvent(
                    (Long) row[0],
                    (Long) row[1],
                    (byte[]) row[2],
                    ((OffsetDateTime) row[3]).toInstant(),
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    (String) row[7],
                    (String) row[8],
                    (String) row[9],
                    (String) row[10],
                    (String) row[11],
                    (String) row[12]));
        }
        return events;
    }

    /**
     * How many events wait to be linked, and when the oldest of them happened: the
     * verification's last figure. JPQL (ADR 0003: an aggregate, measured no slower), served by
     * audit_event_unchained (V14).
     */
    static Unlinked unlinkedTail(EntityManager em) {
        Object[] row = em.createQuery(
                        "SELECT count(e), min(e.occurredAt) FROM AuditEvent e WHERE e.chainSeq IS NULL", Object[].class)
                .getSingleResult();
        OffsetDateTime oldest = (OffsetDateTime) row[1];
        return new Unlinked((Long) row[0], oldest == null ? null : oldest.toInstant());
    }

    /** Events recorded but not linked yet; {@code oldest} is {@code null} when there are none. */
    public record Unlinked(long count, Instant oldest) {}

    private static List<AuditEvent> read(PreparedStatement ps) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.add(new AuditEvent(
                        rs.getLong("id"),
                        // NULL until the linker has run; getObject keeps it NULL (getLong says 0).
                        rs.getObject("chain_seq", Long.class),
                        rs.getBytes("chain_hash"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("target_type"),
                        rs.getString("target_id"),
                        rs.getString("client_address"),
                        rs.getString("detail"),
                        rs.getString("field"),
                        rs.getString("old_value"),
                        rs.getString("new_value")));
            }
        }
        return events;
    }

    /**
     * What the callers get instead of the driver's exception: the trail cannot be written or
     * read now (the database is away or refused); the web answers with a sentence or 503.
     */
    static AuditUnavailableException unavailable(String what, SQLException e) {
        return new AuditUnavailableException("the audit trail cannot be " + what + " now: " + e.getMessage(), e);
    }

    /** The WHERE clause of a filter and its parameters, always starting " WHERE TRUE". */
    private record Where(String sql, List<Object> parameters) {

        static Where of(AuditFilter filter) {
            StringBuilder sql = new StringBuilder(" WHERE TRUE");
            List<Object> parameters = new ArrayList<>();
            if (filter.actor() != null) {
                if (filter.accountId() != null) {
                    sql.append(" AND (actor = ? OR (target_type = 'account' AND target_id = ?))");
                    parameters.add(filter.actor());
                    parameters.add(Long.toString(filter.accountId()));
                } else {
                    sql.append(" AND actor = ?");
                    parameters.add(filter.actor());
                }
            }
            if (filter.kind() != null) {
                sql.append(" AND action = ?");
                parameters.add(filter.kind().name());
            }
            if (filter.from() != null) {
                sql.append(" AND occurred_at >= ?");
                parameters.add(filter.from().atOffset(ZoneOffset.UTC));
            }
            if (filter.until() != null) {
                sql.append(" AND occurred_at < ?");
                parameters.add(filter.until().atOffset(ZoneOffset.UTC));
            }
            if (!filter.warmUp()) {
                sql.append(" AND NOT ").append(WarmUpActors.SQL);
            }
            return new Where(sql.toString(), parameters);
        }

        int bind(PreparedStatement ps, int first) throws SQLException {
            int i = first;
            for (Object parameter : parameters) {
                ps.setObject(i++, parameter);
            }
            return i;
        }
    }
}
