package org.sealpost.portal.keys;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * Every statement about the wrapped-key columns ({@code kek_version}, {@code wrapped_key}) of
 * the {@link DataKeyTable}s: counting them per version and re-wrapping them. The tables have
 * other owners for everything else; these two columns are this class's alone, so a rotation
 * never races a second writer of them.
 *
 * <p>JDBC, not JPA: a batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, which JPA
 * cannot say, so that the re-wrap on several nodes (and the operator's command beside them)
 * share the work without waiting on each other; and only these two columns are written, so the
 * ciphertext beside them is never read, copied or rewritten (PostgreSQL keeps an unchanged
 * out-of-line value by its pointer on UPDATE).
 *
 * <p>The draft table's JPA {@code version} is deliberately not bumped: the data key stays the
 * same, only its wrapping changes, so an author saving the draft meanwhile writes a consistent
 * row either way, and must not get an optimistic-lock failure for a key rotation.
 */
public final class WrappedDataKeys {

    private static final Logger LOG = Logger.getLogger(WrappedDataKeys.class.getName());
    private static final byte[] NONE = new byte[0];

    private WrappedDataKeys() {}

    /** How many keys each version wraps, per table (tables without keys map to an empty map). */
    public static Map<DataKeyTable, SortedMap<Integer, Long>> countByVersion(Connection c) {
        try {
            return counts(c);
        } catch (SQLException e) {
            throw unavailable("counted", e);
        }
    }

    private static Map<DataKeyTable, SortedMap<Integer, Long>> counts(Connection c) throws SQLException {
        Map<DataKeyTable, SortedMap<Integer, Long>> counts = new EnumMap<>(DataKeyTable.class);
        for (DataKeyTable t : DataKeyTable.values()) {
            SortedMap<Integer, Long> perVersion = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT kek_version, count(*) FROM " + t.table() + " GROUP BY kek_version");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perVersion.put(rs.getInt(1), rs.getLong(2));
                }
            }
            counts.put(t, perVersion);
        }
        return counts;
    }

    /** How many keys, in all tables, are wrapped by a version below {@code version}. */
    public static long olderThan(Connection c, int version) {
        try {
            return countOlderThan(c, version);
        } catch (SQLException e) {
            throw unavailable("counted", e);
        }
    }

    private static long countOlderThan(Connection c, int version) throws SQLException {
        long total = 0;
        for (DataKeyTable t : DataKeyTable.values()) {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT count(*) FROM " + t.table() + " WHERE kek_version < ?")) {
                ps.setInt(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        }
        return total;
    }

    /** Whether any key is wrapped by one of {@code versions} (index lookups, stops at the first). */
    public static boolean anyWrappedBy(Connection c, Collection<Integer> versions) {
        try {
            return findAnyWrappedBy(c, versions);
        } catch (SQLException e) {
            throw unavailable("looked up", e);
        }
    }

    private static boolean findAnyWrappedBy(Connection c, Collection<Integer> versions) throws SQLException {
        if (versions.isEmpty()) {
            return false;
        }
        for (DataKeyTable t : DataKeyTable.values()) {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT 1 FROM " + t.table() + " WHERE kek_version = ANY (?) LIMIT 1")) {
                ps.setArray(1, versionArray(c, versions));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What one batch did. */
    public record Batch(int rewrapped, int broken) {
        static final Batch NOTHING = new Batch(0, 0);

        Batch plus(Batch other) {
            return new Batch(rewrapped + other.rewrapped, broken + other.broken);
        }
    }

    /**
     * Re-wraps up to {@code limit} data keys wrapped by one of {@code from} under the sealer's
     * current KEK, in the caller's transaction, skipping rows another transaction holds (a
     * delete for ever, another node's batch). A key that does not open under its version (an
     * altered row) is left as it is and counted as broken.
     */
    public static Batch rewrap(Connection c, MessageSealer sealer, Collection<Integer> from, int limit) {
        Batch done = Batch.NOTHING;
        try {
            for (DataKeyTable t : DataKeyTable.values()) {
                int left = limit - done.rewrapped() - done.broken();
                if (left <= 0 || from.isEmpty()) {
                    break;
                }
                done = done.plus(rewrap(c, t, sealer, from, left));
            }
        } catch (SQLException e) {
            throw unavailable("re-wrapped", e);
        }
        return done;
    }

    private static Batch rewrap(Connection c, DataKeyTable t, MessageSealer sealer, Collection<Integer> from, int limit)
            throws SQLException {
        record Row(Object id, UUID sealId, int kekVersion, byte[] wrappedKey) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + t.keyColumn() + ", " + t.sealIdColumn() + ", kek_version, wrapped_key"
                        + " FROM " + t.table() + " WHERE kek_version = ANY (?) LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setArray(1, versionArray(c, from));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getBytes(4)));
                }
            }
        }
        if (rows.isEmpty()) {
            return Batch.NOTHING;
        }
        int broken = 0;
        int rewrapped = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + t.table() + " SET kek_version = ?, wrapped_key = ? WHERE " + t.keyColumn() + " = ?")) {
            for (Row row : rows) {
                SealedMessage moved;
                try {
                    moved = sealer.rewrap(
                            row.sealId(), new SealedMessage(row.kekVersion(), row.wrappedKey(), NONE, NONE));
                } catch (SealBrokenException e) {
                    broken++;
                    LOG.log(
                            Level.WARNING,
                            "{0} row {1}: its data key does not open under kek-v{2} and stays as it is: {3}",
                            new Object[] {t.table(), row.id(), row.kekVersion(), e.getMessage()});
                    continue;
                }
                ps.setInt(1, moved.kekVersion());
                ps.setBytes(2, moved.wrappedKey());
                ps.setObject(3, row.id());
                ps.addBatch();
                rewrapped++;
            }
            if (rewrapped > 0) {
                ps.executeBatch();
            }
        }
        return new Batch(rewrapped, broken);
    }

    /** The database is away or refused: the callers see the portal's own exception, never the driver's. */
    private static StorageUnavailableException unavailable(String what, SQLException e) {
        return new StorageUnavailableException("the wrapped data keys cannot be " + what + " now", e);
    }

    private static Array versionArray(Connection c, Collection<Integer> versions) throws SQLException {
        return c.createArrayOf("integer", versions.toArray(Integer[]::new));
    }
}
