package org.sealpost.portal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The intake's one transaction against PostgreSQL, in a transaction as the container gives it:
 * a known account gets the message beside a new address without a second account, and when
 * the transaction's last statement fails nothing of the message remains, so the bridge's 451
 * and the gateway's retry lose nothing and store nothing twice.
 */
class IntakeStoreIT {

    private static final byte[] MIME = String.join(
                    "\r\n",
                    "From: Advisor <advisor@bank.example>",
                    "To: anna@client.example, ben@client.example",
                    "Subject: Your statement",
                    "MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=UTF-8",
                    "",
                    "Please find your statement.",
                    "")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keys;

    private static PortalJpa db;
    private static MessageSealer sealer;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("intake_store");
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(keys.resolve("kek.p12"), "pw".toCharArray()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void anActiveAccount() throws Exception {
        db.execute("DROP TRIGGER IF EXISTS audit_fails ON audit_event");
        db.execute("TRUNCATE account, message_content, audit_event, search_index_queue, outbound_mail"
                + " RESTART IDENTITY CASCADE");
        db.execute("INSERT INTO account (email, role, state) VALUES ('anna@client.example', 'RECIPIENT', 'ACTIVE')");
    }

    @Test
    void aKnownAccountGetsTheMessageBesideANewAddressWithoutASecondAccount() throws Exception {
        SealedArrival arrival = arrival("anna@client.example", "ben@client.example");

        store(arrival);

        assertThat(db.strings("SELECT email || ' ' || state FROM account ORDER BY id"))
                .containsExactly("anna@client.example ACTIVE", "ben@client.example PENDING");
        assertThat(db.strings("SELECT a.email || ' ' || e.folder || ' ' || e.is_read FROM mailbox_entry e"
                        + " JOIN account a ON a.id = e.account_id ORDER BY a.id"))
                .containsExactly("anna@client.example INBOX false", "ben@client.example INBOX false");
        assertThat(db.strings("SELECT recipient FROM outbound_mail WHERE kind = 'NOTIFY_NEW_MESSAGE' ORDER BY id"))
                .containsExactly("anna@client.example", "ben@client.example");
        assertThat(db.string("SELECT count(*) FROM search_index_queue")).isEqualTo("2");
        assertThat(db.strings("SELECT action || ' ' || target_id FROM audit_event"))
                .containsExactly("MESSAGE_RECEIVED " + arrival.messageId());
    }

    @Test
    void whenTheLastStatementFailsNothingOfTheMessageRemains() throws Exception {
        // The audit event is the transaction's last insert: as if the disk filled up there.
        db.execute("""
                CREATE OR REPLACE FUNCTION audit_fails() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$""");
        db.execute(
                "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_fails()");

        assertThatThrownBy(() -> store(arrival("anna@client.example", "ben@client.example")))
                .isInstanceOf(StorageUnavailableException.class);

        assertThat(db.strings("SELECT email FROM account")).containsExactly("anna@client.example");
        for (String table :
                List.of("message_content", "mailbox_entry", "outbound_mail", "search_index_queue", "audit_event")) {
            assertThat(db.string("SELECT count(*) FROM " + table)).as(table).isEqualTo("0");
        }
    }

    /** One store in one transaction, as the container runs the EJB method. */
    private static void store(SealedArrival arrival) throws Exception {
        db.inTransaction(em -> {
            new IntakeStore(PortalJpa.dataSourceOf(em)).store(arrival);
            return null;
        });
    }

    private static SealedArrival arrival(String... recipients) {
        UUID id = UUID.randomUUID();
        MimeReading.Readable reading = (MimeReading.Readable) new MimeMetadataExtractor().extract(MIME);
        return new SealedArrival(
                id,
                sealer.seal(id, MIME, reading.metadata().encode()),
                MIME.length,
                List.of(recipients).stream().map(EmailAddress::of).toList(),
                Instant.now(),
                "192.0.2.25",
                "TLSv1.3");
    }
}
