package org.sealpost.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.search.MessageIndex;
import org.sealpost.testsupport.TestDatabase;

/** A recipient searches their own messages against a real PostgreSQL and a Lucene index on disk. */
class MessageSearchIT {

    private static final byte[] KEY = "message search test index key!!!".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private DataSource db;
    private MessageSealer sealer;
    private MessageIndex index;
    private QueueDrain drain;
    private long anna;
    private long ben;

    @BeforeEach
    void twoAccountsAndAnOpenIndex() throws SQLException {
        db = TestDatabase.server().createDatabase("messagesearch").dataSource();
        SchemaMigrations.migrate(db);
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
        try (Connection c = db.getConnection()) {
            anna = account(c, "anna@client.example");
            ben = account(c, "ben@client.example");
        }
        NodeSearchIndex.Opened opened = NodeSearchIndex.openOrRebuild(dir.resolve("search"), KEY, db, "test-node");
        index = opened.index();
        drain = new QueueDrain(db, index, sealer, opened.id(), "test-node");
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Test
    void aRecipientFindsOnlyTheirOwnMessageWithItsLineOpened() throws Exception {
        long annas = deliver(anna, "Wombat figures", "the numbat report");
        deliver(ben, "Other", "the numbat report");
        drain.catchUp();

        SearchResults found = new MessageSearch(db, sealer, index).search(anna, "numbat", 0, 10);

        assertThat(found.total()).isOne();
        assertThat(found.lines()).hasSize(1);
        SearchLine line = found.lines().getFirst();
        assertThat(line.entryId()).isEqualTo(annas);
        assertThat(line.subject()).isEqualTo("Wombat figures");
        assertThat(line.sender()).isEqualTo("advisor@bank.example");
        assertThat(line.folder()).isEqualTo(Folder.INBOX);
        assertThat(line.read()).isFalse();
    }

    @Test
    void aHitWhoseEntryWasDeletedSinceItWasIndexedIsNotShown() throws Exception {
        long annas = deliver(anna, "Wombat figures", "the numbat report");
        drain.catchUp();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE mailbox_entry SET folder = 'TRASH', folder_before_trash = folder WHERE id = ?")) {
                ps.setLong(1, annas);
                ps.executeUpdate();
            }
            StoredMessages.deleteForever(c, StoredMessages.find(c, annas, anna).orElseThrow());
        }

        SearchResults found = new MessageSearch(db, sealer, index).search(anna, "numbat", 0, 10);

        assertThat(found.total()).as("the index has not caught up yet").isOne();
        assertThat(found.lines()).isEmpty();
    }

    private long deliver(long account, String subject, String body) throws SQLException {
        try (Connection c = db.getConnection()) {
            return TestDeliveries.deliver(c, sealer, account, subject, body);
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
}
