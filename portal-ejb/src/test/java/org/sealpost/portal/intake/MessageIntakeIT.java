package org.sealpost.portal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.testsupport.TestDatabase;

/** The bridge's sink against a real PostgreSQL: read, seal, store for every recipient, then say yes. */
class MessageIntakeIT {

    private static final byte[] MIME = """
            From: Advisor <advisor@bank.example>\r
            To: anna@client.example, ben@client.example\r
            Subject: Your statement\r
            \r
            The numbat report.\r
            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private DataSource db;
    private MessageSealer sealer;

    @BeforeEach
    void anEmptyPortal() {
        db = TestDatabase.server().createDatabase("intake").dataSource();
        SchemaMigrations.migrate(db);
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
    }

    @Test
    void aMessageForTwoNewAddressesIsStoredOnceInBothInboxesWithTheirNotificationsAndSearchRows() throws Exception {
        SinkVerdict verdict = new MessageIntake(sealer, new IntakeStore(db))
                .accept(arrival(List.of("anna@client.example", "Ben@Client.example")));

        assertThat(verdict.kind()).isEqualTo(SinkVerdict.Kind.ACCEPTED);
        try (Connection c = db.getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM message_content")).isOne();
            assertThat(count(c, "SELECT count(*) FROM account WHERE state = 'PENDING'"))
                    .isEqualTo(2);
            for (String address : List.of("anna@client.example", "ben@client.example")) {
                long account = count(c, "SELECT id FROM account WHERE email = '" + address + "'");
                List<StoredMessages.ListedEntry> inbox =
                        StoredMessages.folderPage(c, sealer, account, Folder.INBOX, 0, 25);
                assertThat(inbox)
                        .extracting(StoredMessages.ListedEntry::subject)
                        .containsExactly("Your statement");
                assertThat(inbox.getFirst().read()).isFalse();
            }
            assertThat(count(c, "SELECT count(*) FROM search_index_queue")).isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM outbound_mail WHERE kind = 'NOTIFY_NEW_MESSAGE'"))
                    .isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM audit_event WHERE action = 'MESSAGE_RECEIVED'"))
                    .isOne();
        }
    }

    @Test
    void aDatabaseOutOfReachIsATemporaryFailureSoTheGatewayKeepsTheMessage() {
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/sealpost?connectTimeout=2");

        SinkVerdict verdict =
                new MessageIntake(sealer, new IntakeStore(nowhere)).accept(arrival(List.of("anna@client.example")));

        assertThat(verdict.kind()).isEqualTo(SinkVerdict.Kind.TEMPORARY_FAILURE);
    }

    private static InboundMessage arrival(List<String> recipients) {
        return new InboundMessage(
                "advisor@bank.example",
                recipients,
                MIME,
                "127.0.0.1",
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                Instant.now());
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
