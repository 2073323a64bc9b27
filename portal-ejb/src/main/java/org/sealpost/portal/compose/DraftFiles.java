package org.sealpost.portal.compose;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * The owner of table {@code draft_attachment}. Descriptions are read, sizes recorded and files
 * deleted with JPA; the content column is written from a stream with JDBC ({@code setBinaryStream}), because JPA has no way
 * to bind a stream: the ciphertext of a 25 MiB upload never sits whole in the heap (the
 * PostgreSQL driver spools a stream of unknown length to a temporary file, which holds only
 * ciphertext).
 */
final class DraftFiles {

    private final EntityManager em;

    DraftFiles(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** The draft's files, in the order added. */
    List<DraftFile> of(long draftId) {
        return em.createQuery("SELECT f FROM DraftFile f WHERE f.draftId = :draft ORDER BY f.id", DraftFile.class)
                .setParameter("draft", draftId)
                .getResultList();
    }

    Optional<DraftFile> find(long draftId, long fileId) {
        return em.createQuery("SELECT f FROM DraftFile f WHERE f.id = :id AND f.draftId = :draft", DraftFile.class)
                .setParameter("id", fileId)
                .setParameter("draft", draftId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Inserts a file whose content is read from {@code ciphertext} while the statement is bound.
     * Returns its id; the size is written by {@link #recordSize} once the stream is read to its end.
     */
    static long insert(
            Connection c, long draftId, UUID sealId, SealedMessage label, InputStream ciphertext, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO draft_attachment (draft_id, seal_id, kek_version, wrapped_key, label_ciphertext,
                    content_ciphertext, size_bytes, added_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?) RETURNING id""")) {
            ps.setLong(1, draftId);
            ps.setObject(2, sealId);
            ps.setInt(3, label.kekVersion());
            ps.setBytes(4, label.wrappedKey());
            ps.setBytes(5, label.mimeCiphertext());
            ps.setBinaryStream(6, ciphertext);
            ps.setTimestamp(7, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The file's size, once its stream was read to its end. JPQL on the entity manager of the
     * upload's transaction, whose connection inserted the row (ADR 0003: an update by key
     * where the caller has an entity manager).
     */
    void recordSize(long fileId, long sizeBytes) {
        em.createQuery("UPDATE DraftFile f SET f.sizeBytes = :size WHERE f.id = :id")
                .setParameter("size", sizeBytes)
                .setParameter("id", fileId)
                .executeUpdate();
    }

    /** The sealed content of a file (for the send, which builds the message in memory anyway). */
    static InputStream content(Connection c, long fileId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT content_ciphertext FROM draft_attachment WHERE id = ?")) {
            ps.setLong(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("draft attachment " + fileId + " vanished");
                }
                return new ByteArrayInputStream(rs.getBytes(1));
            }
        }
    }

    /** Deletes one file and its wrapped key (both are its row's). */
    void delete(DraftFile file) {
        em.remove(file);
        em.flush();
    }
}
