package org.sealpost.portal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The owner of the stored messages and their mailbox entries against a real PostgreSQL: storing,
 * the folder page with its metadata opened, opening, ownership, trash, and crypto-shredding.
 */
class StoredMessagesIT {

    @TempDir
    Path dir;

    private PortalJpa jpa;
    private DataSource db;
    private MessageSealer sealer;
    private long anna;
    private long ben;
    private final UUID shared = UUID.randomUUID();
    private final UUID annasOwn = UUID.randomUUID();
    private long annaShared;
    private long benShared;
    private long annaSent;

    @BeforeEach
    void twoRecipientsOneSharedMessageAndOneSentByAnna() throws Exception {
        jpa = PortalJpa.create("messages");
        db = jpa.dataSource();
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
        try (Connection c = db.getConnection()) {
            anna = account(c, "anna@client.example");
            ben = account(c, "ben@client.example");
            store(c, shared, "Quarterly statement", true);
            store(c, annasOwn, "My question", false);
            List<StoredMessages.EntryKey> made =
                    StoredMessages.deliverToInboxes(c, shared, List.of(anna, ben), Instant.now());
            annaShared = made.get(0).entryId();
            benShared = made.get(1).entryId();
            annaSent = StoredMessages.insertSent(c, anna, annasOwn, Instant.now());
        }
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    @Test
    void anEntryIsFoundOnlyThroughItsOwnAccount() throws Exception {
        jpa.inTransaction(em -> {
            assertThat(StoredMessages.entry(em, annaShared, anna)).isPresent();
            assertThat(StoredMessages.entry(em, annaShared, ben))
                    .as("Anna's entry asked for by Ben")
                    .isEmpty();
            assertThat(StoredMessages.entry(em, 999_999, anna))
                    .as("an id that does not exist")
                    .isEmpty();
            return null;
        });
        try (Connection c = db.getConnection()) {
            assertThat(StoredMessages.find(c, annaShared, ben)).isEmpty();
            assertThat(StoredMessages.listed(c, sealer, ben, List.of(annaShared, benShared)))
                    .as("a search hit of Anna's asked for by Ben")
                    .containsOnlyKeys(benShared);
        }
    }

    @Test
    void aDeliveryMakesOneUnreadInboxEntryPerAccountAndSkipsAnAccountThatHasIt() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertThat(StoredMessages.deliverToInboxes(c, shared, List.of(anna), Instant.now()))
                    .as("Anna has it already")
                    .isEmpty();
            assertThat(StoredMessages.entryKeysOf(c, shared))
                    .containsExactly(
                            new StoredMessages.EntryKey(anna, annaShared), new StoredMessages.EntryKey(ben, benShared));
        }
        assertThat(mailbox().unreadInInbox(anna)).isOne();
        assertThat(mailbox().count(anna, Folder.SENT)).isOne();
    }

    @Test
    void theUnreadCountLeavesOutReadEntriesAndOtherAccounts() throws Exception {
        Mailbox mailbox = mailbox();
        assertThat(mailbox.unreadInInbox(anna))
                .as("the shared message; her sent one is read")
                .isOne();

        jpa.inTransaction(em -> {
            entry(em, annaShared, anna).markRead(true);
            return null;
        });

        assertThat(mailbox.unreadInInbox(anna)).isZero();
        assertThat(mailbox.count(anna, Folder.INBOX)).as("read, still there").isOne();
        assertThat(mailbox.unreadInInbox(ben)).as("Ben's copy stays unread").isOne();
    }

    @Test
    void theFolderPageOpensEachLinesMetadataInOneQuery() throws Exception {
        try (Connection c = db.getConnection()) {
            List<StoredMessages.ListedEntry> inbox = StoredMessages.folderPage(c, sealer, anna, Folder.INBOX, 0, 25);
            assertThat(inbox).hasSize(1);
            StoredMessages.ListedEntry line = inbox.getFirst();
            assertThat(line.entryId()).isEqualTo(annaShared);
            assertThat(line.subject()).isEqualTo("Quarterly statement");
            assertThat(line.sender()).isEqualTo("Advisor");
            assertThat(line.hasAttachments()).isTrue();
            assertThat(line.read()).isFalse();
            assertThat(line.folder()).isEqualTo(Folder.INBOX);

            List<StoredMessages.ListedEntry> sent = StoredMessages.folderPage(c, sealer, anna, Folder.SENT, 0, 25);
            assertThat(sent).extracting(StoredMessages.ListedEntry::subject).containsExactly("My question");
            assertThat(sent.getFirst().hasAttachments()).isFalse();
        }
        assertThat(mailbox().folder(anna, Folder.INBOX, 0, 25))
                .extracting(MailboxLine::subject, MailboxLine::sender, MailboxLine::hasAttachments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Quarterly statement", "Advisor", true));
    }

    @Test
    void aMessageOpensWholeAndItsMetadataAlone() throws Exception {
        try (Connection c = db.getConnection()) {
            StoredMessages.Opened opened =
                    StoredMessages.open(c, sealer, shared).orElseThrow();
            assertThat(opened.metadata().subject()).isEqualTo("Quarterly statement");
            assertThat(new String(opened.mime(), StandardCharsets.UTF_8)).contains("the figures are attached");
            assertThat(StoredMessages.open(c, sealer, UUID.randomUUID())).isEmpty();
        }
        jpa.inTransaction(em -> {
            assertThat(StoredMessages.openMetadata(em, sealer, shared)
                            .orElseThrow()
                            .subject())
                    .isEqualTo("Quarterly statement");
            assertThat(StoredMessages.openMetadata(em, sealer, UUID.randomUUID()))
                    .isEmpty();
            return null;
        });
    }

    @Test
    void aCiphertextCopiedOntoAnotherMessagesRowDoesNotOpen() throws Exception {
        try (Connection c = db.getConnection()) {
            // GCM's associated data binds each ciphertext to its own row's id.
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE message_content t SET wrapped_key = s.wrapped_key, metadata_ciphertext = s.metadata_ciphertext,
                        mime_ciphertext = s.mime_ciphertext FROM message_content s WHERE s.id = ? AND t.id = ?""")) {
                ps.setObject(1, shared);
                ps.setObject(2, annasOwn);
                assertThat(ps.executeUpdate()).isOne();
            }
            assertThatThrownBy(() -> StoredMessages.open(c, sealer, annasOwn)).isInstanceOf(SealBrokenException.class);
            assertThatThrownBy(() -> StoredMessages.folderPage(c, sealer, anna, Folder.SENT, 0, 25))
                    .isInstanceOf(SealBrokenException.class);
        }
        jpa.inTransaction(em -> {
            assertThatThrownBy(() -> StoredMessages.openMetadata(em, sealer, annasOwn))
                    .isInstanceOf(SealBrokenException.class);
            return null;
        });
    }

    @Test
    void aTrashedSentMessageIsRestoredToSentAndAnInboxOneToTheInbox() throws Exception {
        jpa.inTransaction(em -> {
            assertThat(entry(em, annaSent, anna).moveToTrash()).isTrue();
            assertThat(entry(em, annaShared, anna).moveToTrash()).isTrue();
            return null;
        });
        jpa.inTransaction(em -> {
            assertThat(StoredMessages.inTrash(em, anna)).hasSize(2);
            assertThat(entry(em, annaSent, anna).moveToTrash())
                    .as("already there")
                    .isFalse();
            assertThat(entry(em, annaSent, anna).restore()).isTrue();
            assertThat(entry(em, annaShared, anna).restore()).isTrue();
            return null;
        });
        jpa.inTransaction(em -> {
            assertThat(entry(em, annaSent, anna).folder()).isEqualTo(Folder.SENT);
            assertThat(entry(em, annaShared, anna).folder()).isEqualTo(Folder.INBOX);
            assertThat(entry(em, annaShared, anna).folderBeforeTrash()).isNull();
            assertThat(StoredMessages.inTrash(em, anna)).isEmpty();
            return null;
        });
    }

    @Test
    void onlyAMessageInTheTrashCanBeDeletedForever() throws SQLException {
        try (Connection c = db.getConnection()) {
            MailboxEntry inInbox = StoredMessages.find(c, annaShared, anna).orElseThrow();

            assertThatThrownBy(() -> StoredMessages.deleteForever(c, inInbox))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(count(c, "SELECT count(*) FROM mailbox_entry WHERE id = " + annaShared))
                    .isOne();
        }
    }

    @Test
    void theContentAndItsWrappedKeyGoOnlyWithTheLastRecipientsEntry() throws Exception {
        trash(annaShared, anna);
        trash(benShared, ben);
        try (Connection c = db.getConnection()) {
            assertThat(StoredMessages.deleteForever(
                            c, StoredMessages.find(c, annaShared, anna).orElseThrow()))
                    .isFalse();
            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + shared + "'"))
                    .isOne();

            assertThat(StoredMessages.deleteForever(
                            c, StoredMessages.find(c, benShared, ben).orElseThrow()))
                    .isTrue();

            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + shared + "'"))
                    .isZero();
            assertThat(StoredMessages.open(c, sealer, shared)).isEmpty();
            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + annasOwn + "'"))
                    .isOne();
            assertThat(count(
                            c,
                            "SELECT count(*) FROM search_index_queue WHERE entry_id IN (" + annaShared + ", "
                                    + benShared + ")"))
                    .as("each deleted entry queued for removal from the search index")
                    .isEqualTo(2);
        }
    }

    @Test
    void twoRecipientsDeletingTheLastTwoEntriesAtOnceLeaveNoOrphanedContent() throws Exception {
        trash(annaShared, anna);
        trash(benShared, ben);
        try (Connection first = db.getConnection();
                Connection second = db.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            StoredMessages.deleteForever(
                    first, StoredMessages.find(first, annaShared, anna).orElseThrow());

            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
                try {
                    MailboxEntry bens =
                            StoredMessages.find(second, benShared, ben).orElseThrow();
                    started.countDown();
                    boolean shredded = StoredMessages.deleteForever(second, bens); // waits for first's lock
                    second.commit();
                    return shredded;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300); // the second deletion is now blocked on the content row
            first.commit();

            assertThat(other.get(10, TimeUnit.SECONDS)).isTrue();
        }
        try (Connection c = db.getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + shared + "'"))
                    .isZero();
        }
    }

    @Test
    void deletingAnAccountsMessagesShredsOnlyWhatNoOtherAccountHas() throws Exception {
        List<StoredMessages.Shredded> shredded = jpa.inTransaction(em -> StoredMessages.shredAllOf(em, anna));

        assertThat(shredded)
                .containsExactlyInAnyOrder(
                        new StoredMessages.Shredded(annaShared, false), new StoredMessages.Shredded(annaSent, true));
        try (Connection c = db.getConnection()) {
            assertThat(StoredMessages.open(c, sealer, shared)).as("Ben's still").isPresent();
            assertThat(StoredMessages.open(c, sealer, annasOwn)).isEmpty();
        }
    }

    @Test
    void everyActionWithAnotherAccountsEntryIdIsRefusedAndChangesNothing() throws Exception {
        trash(benShared, ben);
        // Ben's entry, in his trash, asked for through Anna's account: every action as if it did not exist.
        refused(actions -> actions.markRead(benShared, anna, true));
        refused(actions -> actions.restore(benShared, anna));
        refused(actions -> actions.deleteForever(benShared, anna, "anna@client.example", "127.0.0.1"));
        // Anna's inbox entry asked for through Ben's account.
        refused(actions -> actions.moveToTrash(annaShared, ben));
        refused(actions -> actions.markRead(annaShared, ben, true));
        // Anna's own entry, but not in the trash: not deleted for ever.
        refused(actions -> actions.deleteForever(annaShared, anna, "anna@client.example", "127.0.0.1"));

        jpa.inTransaction(em -> {
            MailboxEntry bens = entry(em, benShared, ben);
            assertThat(bens.folder()).isEqualTo(Folder.TRASH);
            assertThat(bens.read()).isFalse();
            MailboxEntry annas = entry(em, annaShared, anna);
            assertThat(annas.folder()).isEqualTo(Folder.INBOX);
            assertThat(annas.read()).isFalse();
            return null;
        });
        try (Connection c = db.getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + shared + "'"))
                    .isOne();
            assertThat(count(c, "SELECT count(*) FROM audit_event"))
                    .as("nothing happened, nothing recorded")
                    .isZero();
        }
    }

    @Test
    void theOwnersActionsThroughTheServiceDoWhatTheySay() throws Exception {
        jpa.inTransaction(em -> {
            MessageActions actions = new MessageActions(em, null);
            actions.markRead(annaShared, anna, true);
            actions.moveToTrash(annaShared, anna);
            return null;
        });
        jpa.inTransaction(em -> {
            MailboxEntry annas = entry(em, annaShared, anna);
            assertThat(annas.folder()).isEqualTo(Folder.TRASH);
            assertThat(annas.folderBeforeTrash()).isEqualTo(Folder.INBOX);
            assertThat(annas.read()).isTrue();
            return null;
        });
        try (Connection c = db.getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM search_index_queue WHERE entry_id = " + annaShared))
                    .as("the move queued for the search index in the same transaction")
                    .isOne();
        }
        jpa.inTransaction(em -> {
            new MessageActions(em, null).restore(annaShared, anna);
            return null;
        });
        jpa.inTransaction(em -> {
            assertThat(entry(em, annaShared, anna).folder()).isEqualTo(Folder.INBOX);
            return null;
        });
    }

    @Test
    void aDatabaseOutOfReachIsStorageUnavailableNotAnSqlException() throws SQLException {
        // A real driver against a loopback port nothing listens on: the connection is refused.
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/sealpost?connectTimeout=2");
        jakarta.persistence.EntityManagerFactory nowhereJpa =
                org.sealpost.portal.operator.StandalonePersistence.open(nowhere.getURL(), "sealpost", "");
        try {
            Mailbox mailbox = new Mailbox(nowhere, nowhereJpa, sealer);

            assertThatThrownBy(() -> mailbox.folder(anna, Folder.INBOX, 0, 25))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasCauseInstanceOf(SQLException.class);
            assertThatThrownBy(() -> mailbox.unreadInInbox(anna))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasCauseInstanceOf(jakarta.persistence.PersistenceException.class);
            assertThatThrownBy(() -> mailbox.count(anna, Folder.INBOX)).isInstanceOf(StorageUnavailableException.class);
        } finally {
            nowhereJpa.close();
        }

        Connection lost = db.getConnection();
        lost.close();
        assertThatThrownBy(() -> StoredMessages.entryKeysOf(lost, shared))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
    }

    private Mailbox mailbox() {
        return new Mailbox(db, jpa.entityManagerFactory(), sealer);
    }

    private interface Action {
        void on(MessageActions actions) throws Exception;
    }

    private void refused(Action action) throws Exception {
        jpa.inTransaction(em -> {
            assertThatThrownBy(() -> action.on(new MessageActions(em, null)))
                    .isInstanceOf(MessageNotFoundException.class);
            return null;
        });
    }

    private void trash(long entryId, long accountId) throws Exception {
        jpa.inTransaction(em -> entry(em, entryId, accountId).moveToTrash());
    }

    private static MailboxEntry entry(jakarta.persistence.EntityManager em, long entryId, long accountId) {
        return StoredMessages.entry(em, entryId, accountId).orElseThrow();
    }

    private void store(Connection c, UUID id, String subject, boolean withAttachment) {
        String mime = withAttachment
                ? """
                From: Advisor <advisor@bank.example>\r
                Subject: %s\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain\r
                \r
                Dear customer, the figures are attached.\r
                --b\r
                Content-Type: application/pdf; name="figures.pdf"\r
                Content-Disposition: attachment; filename="figures.pdf"\r
                \r
                %%PDF-1.4\r
                --b--\r
                """.formatted(subject)
                : "From: anna@client.example\r\nSubject: " + subject + "\r\n\r\nHow do I?\r\n";
        byte[] raw = mime.getBytes(StandardCharsets.UTF_8);
        MimeReading.Readable reading = (MimeReading.Readable) new MimeMetadataExtractor().extract(raw);
        StoredMessages.storeContent(
                c, id, sealer.seal(id, raw, reading.metadata().encode()), raw.length, Instant.now());
    }

    private static long account(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO account (email, role, state) VALUES (?, 'RECIPIENT', 'ACTIVE') RETURNING id")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
