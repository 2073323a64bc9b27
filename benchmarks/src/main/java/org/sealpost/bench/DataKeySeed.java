package org.sealpost.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.KeystoreLocation;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;

/**
 * Stores N small sealed messages straight into a portal's database, under its keystore's
 * current version, for {@code ./sealpost bench rotate}: a re-wrap must still be running while
 * the ingest is measured beside it, which takes far more keys than SMTP could deliver in the
 * time. Each row is a real seal (its key re-wraps and its content opens); no mailbox entry
 * points at it, which the re-wrap does not look at.
 *
 * <p>{@code --data DIR --db JDBC_URL --keys N}
 */
public final class DataKeySeed {

    private DataKeySeed() {}

    public static void main(String[] args) throws Exception {
        BenchOptions a = BenchOptions.parse(args);
        Path data = Path.of(a.text("data", "data"));
        String db = a.text("db", "jdbc:postgresql://127.0.0.1:5432/sealpost");
        int keys = a.number("keys", 200000);
        KeyEncryptionKeys keks =
                KeystoreLocation.of(s -> Optional.empty(), data).openExisting();
        MessageSealer sealer = new MessageSealer(keks);
        byte[] mime = ("Subject: seed\r\n\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(db, "postgres", "");
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO message_content (id, kek_version, wrapped_key, metadata_ciphertext, mime_ciphertext,
                            size_bytes, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= keys; i++) {
                UUID id = UUID.randomUUID();
                SealedMessage sealed = sealer.seal(id, mime, new byte[16]);
                ps.setObject(1, id);
                ps.setInt(2, sealed.kekVersion());
                ps.setBytes(3, sealed.wrappedKey());
                ps.setBytes(4, sealed.metadataCiphertext());
                ps.setBytes(5, sealed.mimeCiphertext());
                ps.setLong(6, mime.length);
                ps.setTimestamp(7, Timestamp.from(Instant.now()));
                ps.addBatch();
                if (i % 1000 == 0 || i == keys) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        System.out.printf(
                "seeded %d sealed messages under kek-v%d in %.1f s%n",
                keys, keks.currentVersion(), (System.nanoTime() - t0) / 1e9);
    }
}
