package org.sealpost.portal.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.testsupport.TestDatabase;

/** Mailbox entries against a real PostgreSQL: ownership, trash, and crypto-shredding. */
class MailboxEntriesIT {

    private DataSource db;
    private long anna;
    private long ben;
    private final UUID shared = UUID.randomUUID();
    private final UUID annasOwn = UUID.randomUUID();
    private long annaShared;
    private long benShared;
    private long annaSent;

    @BeforeEach
    void twoRecipientsOneSharedMessageAndOneSentByAnna() throws SQLException {
        db = TestDatabase.server().createDatabase("mailbox").dataSource();
        SchemaMigrations.migrate(db);
        try (Connection c = db.getConnection()) {
            anna = account(c, "anna@client.example");
            ben = account(c, "ben@client.example");
            content(c, shared);
            content(c, annasOwn);
            annaShared = entry(c, anna, shared, "INBOX");
            benShared = entry(c, ben, shared, "INBOX");
            annaSent = entry(c, anna, annasOwn, "SENT");
        }
    }

    @Test
    void anEntryIsFoundOnlyThroughItsOwnAccount() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertThat(MailboxEntries.find(c, annaShared, anna)).isPresent();
            assertThat(MailboxEntries.find(c, annaShared, ben))
                    .as("Anna's entry asked for by Ben")
                    .isEmpty();
            assertThat(MailboxEntries.find(c, 999_999, anna))
                    .as("an id that does not exist")
                    .isEmpty();
        }
    }

    @Test
    void aTrashedSentMessageIsRestoredToSentAndAnInboxOneToTheInbox() throws SQLException {
        try (Connection c = db.getConnection()) {
            MailboxEntries.save(
                    c, MailboxEntries.find(c, annaSent, anna).orElseThrow().moveToTrash());
            MailboxEntries.save(
                    c, MailboxEntries.find(c, annaShared, anna).orElseThrow().moveToTrash());
            assertThat(MailboxEntries.inTrash(c, anna)).hasSize(2);

            MailboxEntries.save(
                    c, MailboxEntries.find(c, annaSent, anna).orElseThrow().restore());
            MailboxEntries.save(
                    c, MailboxEntries.find(c, annaShared, anna).orElseThrow().restore());

            assertThat(MailboxEntries.find(c, annaSent, anna).orElseThrow().folder())
                    .isEqualTo(Folder.SENT);
            assertThat(MailboxEntries.find(c, annaShared, anna).orElseThrow().folder())
                    .isEqualTo(Folder.INBOX);
            assertThat(MailboxEntries.inTrash(c, anna)).isEmpty();
        }
    }

    @Test
    void onlyAMessageInTheTrashCanBeDeletedForever() throws SQLException {
        try (Connection c = db.getConnection()) {
            MailboxEntry inInbox = MailboxEntries.find(c, annaShared, anna).orElseThrow();

            assertThatThrownBy(() -> MailboxEntries.deleteForever(c, inInbox))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(count(c, "SELECT count(*) FROM mailbox_entry WHERE id = " + annaShared))
                    .isOne();
        }
    }

    @Test
    void theContentAndItsWrappedKeyGoOnlyWithTheLastRecipientsEntry() throws SQLException {
        try (Connection c = db.getConnection()) {
            MailboxEntry annas =
                    MailboxEntries.find(c, annaShared, anna).orElseThrow().moveToTrash();
            MailboxEntries.save(c, annas);
            assertThat(MailboxEntries.deleteForever(c, annas)).isFalse();
            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + shared + "'"))
                    .isOne();

            MailboxEntry bens =
                    MailboxEntries.find(c, benShared, ben).orElseThrow().moveToTrash();
            MailboxEntries.save(c, bens);
            assertThat(MailboxEntries.deleteForever(c, bens)).isTrue();

            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + shared + "'"))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + annasOwn + "'"))
                    .isOne();
        }
    }

    @Test
    void twoRecipientsDeletingTheLastTwoEntriesAtOnceLeaveNoOrphanedContent() throws Exception {
        try (Connection setup = db.getConnection()) {
            MailboxEntries.save(
                    setup,
                    MailboxEntries.find(setup, annaShared, anna).orElseThrow().moveToTrash());
            MailboxEntries.save(
                    setup,
                    MailboxEntries.find(setup, benShared, ben).orElseThrow().moveToTrash());
        }
        try (Connection first = db.getConnection();
                Connection second = db.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            MailboxEntries.deleteForever(
                    first, MailboxEntries.find(first, annaShared, anna).orElseThrow());

            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
                try {
                    MailboxEntry bens =
                            MailboxEntries.find(second, benShared, ben).orElseThrow();
                    started.countDown();
                    boolean shredded = MailboxEntries.deleteForever(second, bens); // waits for first's lock
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
    void everyActionWithAnotherAccountsEntryIdIsRefusedAndChangesNothing() throws SQLException {
        MessageActions actions = new MessageActions(db, null);
        try (Connection c = db.getConnection()) {
            MailboxEntries.save(
                    c, MailboxEntries.find(c, benShared, ben).orElseThrow().moveToTrash());
        }
        // Ben's entry, in his trash, asked for through Anna's account: every action as if it did not exist.
        assertThatThrownBy(() -> actions.markRead(benShared, anna, true)).isInstanceOf(MessageNotFoundException.class);
        assertThatThrownBy(() -> actions.restore(benShared, anna)).isInstanceOf(MessageNotFoundException.class);
        assertThatThrownBy(() -> actions.deleteForever(benShared, anna, "anna@client.example", "127.0.0.1"))
                .isInstanceOf(MessageNotFoundException.class);
        // Anna's inbox entry asked for through Ben's account.
        assertThatThrownBy(() -> actions.moveToTrash(annaShared, ben)).isInstanceOf(MessageNotFoundException.class);
        assertThatThrownBy(() -> actions.markRead(annaShared, ben, true)).isInstanceOf(MessageNotFoundException.class);

        try (Connection c = db.getConnection()) {
            MailboxEntry bens = MailboxEntries.find(c, benShared, ben).orElseThrow();
            assertThat(bens.folder()).isEqualTo(Folder.TRASH);
            assertThat(bens.read()).isFalse();
            MailboxEntry annas = MailboxEntries.find(c, annaShared, anna).orElseThrow();
            assertThat(annas.folder()).isEqualTo(Folder.INBOX);
            assertThat(annas.read()).isFalse();
            assertThat(count(c, "SELECT count(*) FROM message_content WHERE id = '" + shared + "'"))
                    .isOne();
            assertThat(count(c, "SELECT count(*) FROM audit_event"))
                    .as("nothing happened, nothing recorded")
                    .isZero();
        }
    }

    @Test
    void aDatabaseOutOfReachIsStorageUnavailableNotAnSqlException() {
        // A real driver against a loopback port nothing listens on: the connection is refused.
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/sealpost?connectTimeout=2");
        MessageActions actions = new MessageActions(nowhere, null);

        assertThatThrownBy(() -> actions.moveToTrash(annaShared, anna))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> actions.emptyTrash(anna, "anna@client.example", "127.0.0.1"))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void theOwnersActionsThroughTheServiceDoWhatTheySay() throws Exception {
        MessageActions actions = new MessageActions(db, null);
        actions.markRead(annaShared, anna, true);
        actions.moveToTrash(annaShared, anna);
        try (Connection c = db.getConnection()) {
            MailboxEntry annas = MailboxEntries.find(c, annaShared, anna).orElseThrow();
            assertThat(annas.folder()).isEqualTo(Folder.TRASH);
            assertThat(annas.read()).isTrue();
        }
        actions.restore(annaShared, anna);
        try (Connection c = db.getConnection()) {
            assertThat(MailboxEntries.find(c, annaShared, anna).orElseThrow().folder())
                    .isEqualTo(Folder.INBOX);
        }
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

    private static void content(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO message_content (id, kek_version, wrapped_key, metadata_ciphertext, mime_ciphertext,
                    size_bytes, received_at) VALUES (?, 1, '\\x01', '\\x02', '\\x03', 3, now())""")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    private static long entry(Connection c, long account, UUID content, String folder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mailbox_entry (account_id, content_id, folder, received_at) VALUES (?, ?, ?, now())
                RETURNING id""")) {
            ps.setLong(1, account);
            ps.setObject(2, content);
            ps.setString(3, folder);
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
