package org.sealpost.portal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.intake.IntakeStore;
import org.sealpost.portal.message.StoredMessages;

/**
 * Rotation, re-wrap, retirement and crypto-shredding against PostgreSQL, with the portal's
 * persistence unit and a real keystore file: every table that holds a data key, and every
 * stored message, draft and file opened again after each step.
 */
class KeyRotationIT {

    private static final int MESSAGES = 23;
    private static PortalJpa db;

    @TempDir
    Path dir;

    private Path keystore;
    private KeyEncryptionKeys keks;
    private MessageSealer sealer;
    private final SteppingClock clock = new SteppingClock();

    /** What each message's, draft's and file's plaintext is, by seal id. */
    private final Map<UUID, String> messages = new LinkedHashMap<>();

    private UUID draftSeal;
    private UUID fileSeal;
    private final Map<UUID, byte[]> mimeCiphertextBefore = new LinkedHashMap<>();

    @BeforeAll
    static void database() {
        db = PortalJpa.create("keys");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void messagesADraftAndAFileSealedUnderKekV1() throws Exception {
        keystore = dir.resolve("kek.p12");
        keks = KeyEncryptionKeys.openOrCreate(keystore, "pw".toCharArray());
        sealer = new MessageSealer(keks);
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE account, message_content, mailbox_entry, outbound_mail, audit_event, draft,"
                    + " draft_attachment, search_index_queue, kek_rotation RESTART IDENTITY CASCADE");
            for (int i = 0; i < MESSAGES; i++) {
                UUID id = UUID.randomUUID();
                String text = "Subject: figures " + i + "\r\n\r\nDear Anna, number " + i + ".\r\n";
                byte[] raw = text.getBytes(StandardCharsets.UTF_8);
                StoredMessages.storeContent(
                        c,
                        id,
                        sealer.seal(id, raw, ("meta " + i).getBytes(StandardCharsets.UTF_8)),
                        raw.length,
                        Instant.now());
                IntakeStore.deliverInPortal(c, id, List.of(EmailAddress.of("anna@client.example")), Instant.now());
                messages.put(id, text);
                mimeCiphertextBefore.put(id, column(c, "SELECT mime_ciphertext FROM message_content WHERE id = ?", id));
            }
            long anna = single(c, "SELECT id FROM account WHERE email = 'anna@client.example'");
            // A draft and one of its files, sealed as compose.StoredDraft and compose.DraftFiles seal them.
            draftSeal = UUID.randomUUID();
            SealedMessage draft = sealer.seal(draftSeal, "draft text".getBytes(StandardCharsets.UTF_8), new byte[0]);
            long draftId;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO draft (account_id, action, seal_id, kek_version, wrapped_key, content_ciphertext,
                        created_at, saved_at) VALUES (?, 'COMPOSE', ?, ?, ?, ?, now(), now()) RETURNING id""")) {
                ps.setLong(1, anna);
                ps.setObject(2, draftSeal);
                ps.setInt(3, draft.kekVersion());
                ps.setBytes(4, draft.wrappedKey());
                ps.setBytes(5, draft.mimeCiphertext());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    draftId = rs.getLong(1);
                }
            }
            fileSeal = UUID.randomUUID();
            SealedMessage label = sealer.seal(fileSeal, "figures.pdf".getBytes(StandardCharsets.UTF_8), new byte[0]);
            byte[] content;
            try (InputStream sealing = sealer.sealStream(
                    fileSeal, label, new ByteArrayInputStream("%PDF file".getBytes(StandardCharsets.UTF_8)))) {
                content = sealing.readAllBytes();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO draft_attachment (draft_id, seal_id, kek_version, wrapped_key, label_ciphertext,
                        content_ciphertext, size_bytes, added_at) VALUES (?, ?, ?, ?, ?, ?, 9, now())""")) {
                ps.setLong(1, draftId);
                ps.setObject(2, fileSeal);
                ps.setInt(3, label.kekVersion());
                ps.setBytes(4, label.wrappedKey());
                ps.setBytes(5, label.mimeCiphertext());
                ps.setBytes(6, content);
                ps.executeUpdate();
            }
        }
    }

    private KeyLifecycle lifecycle(jakarta.persistence.EntityManager em) {
        return new KeyLifecycle(em, keks, sealer, clock);
    }

    private int rotate() throws Exception {
        return db.inTransaction(em -> lifecycle(em).rotate("operator:test"));
    }

    /** Runs batches of {@code size} until one re-wraps nothing; returns how many batches re-wrapped something. */
    private int rewrapAll(int size) throws Exception {
        int batches = 0;
        while (db.inTransaction(em -> lifecycle(em).rewrapBatch(size)).rewrapped() > 0) {
            batches++;
        }
        return batches;
    }

    private KeyStatus status() throws Exception {
        return db.inTransaction(em -> lifecycle(em).status());
    }

    @Test
    void rotationRewrapsEveryKeyInEveryTableAndEveryMessageDraftAndFileStillOpens() throws Exception {
        int version = rotate();
        assertThat(version).isEqualTo(2);
        assertThat(db.inTransaction(em -> lifecycle(em).rewrapBatch(5)).rewrapped())
                .as("nothing is re-wrapped while the nodes may still be sealing with kek-v1")
                .isZero();

        clock.advance(KekRotation.SETTLE);
        int batches = rewrapAll(5);

        assertThat(batches).as("25 keys in batches of 5").isEqualTo(5);
        KeyStatus status = status();
        assertThat(status.versions())
                .extracting(KeyStatus.VersionUse::version, KeyStatus.VersionUse::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 0L),
                        org.assertj.core.groups.Tuple.tuple(2, (long) MESSAGES + 2));
        assertThat(status.versions().get(1).keys())
                .containsEntry(DataKeyTable.MESSAGE_CONTENT, (long) MESSAGES)
                .containsEntry(DataKeyTable.DRAFT, 1L)
                .containsEntry(DataKeyTable.DRAFT_ATTACHMENT, 1L);
        RotationProgress progress = status.rotation().orElseThrow();
        assertThat(progress.done()).isEqualTo(MESSAGES + 2);
        assertThat(progress.left()).isZero();
        assertThat(progress.finished()).isTrue();
        assertThat(auditActions()).containsExactly("KEK_ROTATED", "KEK_REWRAP_FINISHED");
        everythingOpensUnder(2);
        try (Connection c = db.dataSource().getConnection()) {
            for (Map.Entry<UUID, byte[]> before : mimeCiphertextBefore.entrySet()) {
                assertThat(column(c, "SELECT mime_ciphertext FROM message_content WHERE id = ?", before.getKey()))
                        .as("the content's ciphertext is not touched")
                        .isEqualTo(before.getValue());
            }
        }
    }

    @Test
    void aRewrapStoppedMidwayResumesFromTheDatabaseWithAFreshKeystoreInstance() throws Exception {
        rotate();
        clock.advance(KekRotation.SETTLE);
        db.inTransaction(em -> lifecycle(em).rewrapBatch(10));
        db.inTransaction(em -> lifecycle(em).rewrapBatch(4));
        RotationProgress midway = status().rotation().orElseThrow();
        assertThat(midway.done()).isEqualTo(14);
        assertThat(midway.left()).isEqualTo(MESSAGES + 2 - 14);
        assertThat(midway.finished()).isFalse();
        assertThat(midway.perSecond()).as("a rate once a batch ran").isNotNull();

        // "Restart": a new process opens the keystore file and the database afresh.
        keks = KeyEncryptionKeys.open(keystore, "pw".toCharArray());
        sealer = new MessageSealer(keks);
        assertThat(keks.currentVersion()).isEqualTo(2);
        rewrapAll(KeyLifecycle.BATCH);

        RotationProgress done = status().rotation().orElseThrow();
        assertThat(done.done()).isEqualTo(MESSAGES + 2);
        assertThat(done.left()).isZero();
        assertThat(done.finished()).isTrue();
        everythingOpensUnder(2);
    }

    @Test
    void retireRefusesTheCurrentAnUnknownAndAVersionInUseAndSucceedsOnceNothingUsesIt() throws Exception {
        assertRefused(1, RetireRefusedException.Reason.CURRENT);
        rotate();
        assertRefused(7, RetireRefusedException.Reason.UNKNOWN_VERSION);
        assertRefused(2, RetireRefusedException.Reason.CURRENT);
        RetireRefusedException inUse = assertRefused(1, RetireRefusedException.Reason.IN_USE);
        assertThat(inUse.getMessage())
                .contains("still wraps " + (MESSAGES + 2) + " data keys")
                .contains("message_content " + MESSAGES)
                .contains("draft 1")
                .contains("draft_attachment 1");
        assertThat(KeyEncryptionKeys.open(keystore, "pw".toCharArray()).versions())
                .as("nothing changed")
                .containsExactly(1, 2);

        clock.advance(KekRotation.SETTLE);
        rewrapAll(KeyLifecycle.BATCH);
        db.inTransaction(em -> {
            lifecycle(em).retire(1, "operator:test");
            return null;
        });

        assertThat(KeyEncryptionKeys.open(keystore, "pw".toCharArray()).versions())
                .as("kek-v1 is gone from the file")
                .containsExactly(2);
        everythingOpensUnder(2);
        assertThat(auditActions())
                .containsSubsequence(
                        "KEK_RETIRE_REFUSED",
                        "KEK_ROTATED",
                        "KEK_RETIRE_REFUSED",
                        "KEK_RETIRE_REFUSED",
                        "KEK_RETIRE_REFUSED",
                        "KEK_REWRAP_FINISHED",
                        "KEK_RETIRED");
    }

    @Test
    void aVersionThatJustStoppedBeingCurrentIsNotRetiredBeforeEveryNodeCanHaveSeenTheRotation() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE message_content, mailbox_entry, draft, draft_attachment CASCADE");
        }
        rotate();

        RetireRefusedException tooSoon = assertRefused(1, RetireRefusedException.Reason.TOO_SOON);
        assertThat(tooSoon.getMessage()).contains("Try again in " + KekRotation.SETTLE.toSeconds() + " s");

        clock.advance(KekRotation.SETTLE);
        db.inTransaction(em -> {
            lifecycle(em).retire(1, "operator:test");
            return null;
        });
        assertThat(keks.versions()).containsExactly(2);
    }

    @Test
    void afterADeleteForEverAndRetiringTheVersionNoKeyLeftOpensTheDeletedMessageFromABackup() throws Exception {
        UUID deleted = messages.keySet().iterator().next();
        SealedMessage backup;
        SealedMessage draftBackup;
        try (Connection c = db.dataSource().getConnection()) {
            // The backup: the rows exactly as a dump taken before the delete holds them.
            backup = StoredMessages.sealed(c, deleted).orElseThrow();
            draftBackup = draftRow(c);
            long entry = single(c, "SELECT id FROM mailbox_entry WHERE content_id = '" + deleted + "'");
            long account = single(c, "SELECT account_id FROM mailbox_entry WHERE id = " + entry);
            c.createStatement()
                    .execute("UPDATE mailbox_entry SET folder = 'TRASH', folder_before_trash = folder WHERE id = "
                            + entry);
            assertThat(StoredMessages.deleteForever(
                            c, StoredMessages.find(c, entry, account).orElseThrow()))
                    .as("the last copy")
                    .isTrue();
            c.createStatement().execute("DELETE FROM draft");
            assertThat(StoredMessages.sealed(c, deleted))
                    .as("gone from the live database at once")
                    .isEmpty();
        }
        assertThat(new String(sealer.openMime(deleted, backup), StandardCharsets.UTF_8))
                .as("until kek-v1 is retired, the backup still opens: the promise is not yet kept")
                .isEqualTo(messages.get(deleted));
        assertThat(new String(sealer.openMime(draftSeal, draftBackup), StandardCharsets.UTF_8))
                .isEqualTo("draft text");

        rotate();
        clock.advance(KekRotation.SETTLE);
        rewrapAll(KeyLifecycle.BATCH);
        db.inTransaction(em -> {
            lifecycle(em).retire(1, "operator:test");
            return null;
        });

        // What is left: the keystore file as it is now, opened afresh, with every version in it.
        KeyEncryptionKeys left = KeyEncryptionKeys.open(keystore, "pw".toCharArray());
        MessageSealer remaining = new MessageSealer(left);
        assertThatThrownBy(() -> remaining.openMime(deleted, backup))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("kek-v1");
        assertThatThrownBy(() -> remaining.openMime(draftSeal, draftBackup)).isInstanceOf(SealBrokenException.class);
        for (int version : left.versions()) {
            SealedMessage relabelled = new SealedMessage(
                    version, backup.wrappedKey(), backup.mimeCiphertext(), backup.metadataCiphertext());
            assertThatThrownBy(() -> remaining.openMime(deleted, relabelled))
                    .as("the backup's wrapped key under kek-v" + version)
                    .isInstanceOf(SealBrokenException.class);
        }
        // The messages not deleted were re-wrapped and still open.
        messages.remove(deleted);
        sealer = remaining;
        try (Connection c = db.dataSource().getConnection()) {
            for (Map.Entry<UUID, String> m : messages.entrySet()) {
                assertThat(new String(
                                sealer.openMime(
                                        m.getKey(),
                                        StoredMessages.sealed(c, m.getKey()).orElseThrow()),
                                StandardCharsets.UTF_8))
                        .isEqualTo(m.getValue());
            }
        }
    }

    private RetireRefusedException assertRefused(int version, RetireRefusedException.Reason reason) throws Exception {
        RetireRefusedException refused = db.inTransaction(em -> {
            try {
                lifecycle(em).retire(version, "operator:test");
                return null;
            } catch (RetireRefusedException e) {
                return e;
            }
        });
        assertThat(refused).as("retiring kek-v" + version).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
        return refused;
    }

    private void everythingOpensUnder(int version) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            for (Map.Entry<UUID, String> m : messages.entrySet()) {
                SealedMessage sealed = StoredMessages.sealed(c, m.getKey()).orElseThrow();
                assertThat(sealed.kekVersion()).isEqualTo(version);
                assertThat(new String(sealer.openMime(m.getKey(), sealed), StandardCharsets.UTF_8))
                        .isEqualTo(m.getValue());
                assertThat(sealer.openMetadata(m.getKey(), sealed)).isNotEmpty();
            }
            SealedMessage draft = draftRow(c);
            assertThat(draft.kekVersion()).isEqualTo(version);
            assertThat(new String(sealer.openMime(draftSeal, draft), StandardCharsets.UTF_8))
                    .isEqualTo("draft text");
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT kek_version, wrapped_key, label_ciphertext, content_ciphertext FROM draft_attachment")) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    SealedMessage label = new SealedMessage(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), new byte[0]);
                    assertThat(label.kekVersion()).isEqualTo(version);
                    assertThat(new String(sealer.openMime(fileSeal, label), StandardCharsets.UTF_8))
                            .isEqualTo("figures.pdf");
                    try (InputStream opened =
                            sealer.openStream(fileSeal, label, new ByteArrayInputStream(rs.getBytes(4)))) {
                        assertThat(new String(opened.readAllBytes(), StandardCharsets.UTF_8))
                                .isEqualTo("%PDF file");
                    }
                }
            }
        }
    }

    private static SealedMessage draftRow(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT kek_version, wrapped_key, content_ciphertext FROM draft");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new SealedMessage(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), new byte[0]);
        }
    }

    private static List<String> auditActions() throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT action FROM audit_event ORDER BY id")) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        }
        return actions.stream().filter(a -> a.startsWith("KEK_")).toList();
    }

    private static byte[] column(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
