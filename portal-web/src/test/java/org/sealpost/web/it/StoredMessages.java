package org.sealpost.web.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.message.mime.MessageMetadata;

/**
 * Reads what the portal stored, from outside it: straight from the container test's
 * database, decrypted with the keystore the portal generated in its data directory.
 */
final class StoredMessages {

    private final String url = System.getProperty("sealpost.it.db.url");
    private final String user = System.getProperty("sealpost.it.db.user");
    private final String password = System.getProperty("sealpost.it.db.password");

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A stored message found by a marker in its decrypted MIME. */
    record Found(UUID id, String mime, MessageMetadata metadata) {
    }

    Optional<Found> findByMarker(String marker) throws Exception {
        MessageSealer sealer = sealer();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, kek_version, wrapped_key, metadata_ciphertext, mime_ciphertext FROM message_content");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                SealedMessage sealed = new SealedMessage(rs.getInt(2), rs.getBytes(3), rs.getBytes(5), rs.getBytes(4));
                String mime = new String(sealer.openMime(id, sealed), StandardCharsets.UTF_8);
                if (mime.contains(marker)) {
                    return Optional.of(new Found(id, mime, MessageMetadata.decode(sealer.openMetadata(id, sealed))));
                }
            }
        }
        return Optional.empty();
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static MessageSealer sealer() throws Exception {
        Path keys = Path.of(System.getProperty("sealpost.it.data.dir"), "keys");
        return new MessageSealer(KeyEncryptionKeys.open(keys.resolve("kek.p12"),
                Files.readString(keys.resolve("kek.password")).trim().toCharArray()));
    }
}
