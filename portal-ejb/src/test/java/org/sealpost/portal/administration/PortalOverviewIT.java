package org.sealpost.portal.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.AccountState;
import org.sealpost.portal.platform.StorageUnavailableException;

/** The overview's figures against PostgreSQL, on a Wednesday in Berlin. */
class PortalOverviewIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Wednesday, 2 December 2026, 11:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static PortalJpa db;

    @BeforeAll
    static void database() throws Exception {
        db = PortalJpa.create("overview");
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("INSERT INTO account (email, role, state) VALUES ('a@client.example', 'RECIPIENT', 'ACTIVE'),"
                    + " ('b@client.example', 'RECIPIENT', 'PENDING'), ('c@client.example', 'RECIPIENT', 'PENDING')");
            // Today just after midnight in Berlin (still yesterday in UTC), on Monday, on the Sunday before.
            received(c, "2026-12-01T23:30:00Z", "INBOX");
            received(c, "2026-11-30T07:00:00Z", "TRASH");
            received(c, "2026-11-29T12:00:00Z", "INBOX");
            // A sent copy alone is no arrival.
            received(c, "2026-12-02T09:00:00Z", "SENT");
            s.execute("""
                    INSERT INTO outbound_mail (kind, recipient, state, attempts, created_at) VALUES
                    ('NOTIFY_NEW_MESSAGE', 'a@client.example', 'QUEUED', 0, '2026-12-02T09:59:00Z'),
                    ('NOTIFY_NEW_MESSAGE', 'b@client.example', 'QUEUED', 3, '2026-12-02T08:00:00Z'),
                    ('NOTIFY_NEW_MESSAGE', 'c@client.example', 'QUEUED', 1, '2026-12-02T09:00:00Z'),
                    ('NOTIFY_NEW_MESSAGE', 'c@client.example', 'FAILED', 9, '2026-11-20T09:00:00Z'),
                    ('NOTIFY_NEW_MESSAGE', 'c@client.example', 'SENT', 1, '2026-11-20T09:00:00Z')""");
            s.execute("INSERT INTO search_index_queue (account_id, entry_id, queued_at) VALUES"
                    + " (1, 1, '2026-12-02T09:58:00Z'), (1, 2, '2026-12-02T09:59:00Z')");
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theOverviewCountsArrivalsByTheCalendarOfTheDisplayZoneAndTheQueueAccountsAndIndexAsTheyAre() throws Exception {
        Overview o = db.inTransaction(em -> new PortalOverview(em).at(NOW, BERLIN));

        assertThat(o.receivedToday()).isEqualTo(1);
        assertThat(o.receivedThisWeek()).isEqualTo(2);
        assertThat(o.queue().depth()).isEqualTo(3);
        assertThat(o.queue().deferred()).isEqualTo(2);
        assertThat(o.queue().givenUp()).isEqualTo(1);
        assertThat(o.queue().oldestDeferredSince()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(o.accounts(AccountState.PENDING)).isEqualTo(2);
        assertThat(o.accounts(AccountState.ACTIVE)).isEqualTo(1);
        assertThat(o.accounts(AccountState.DISABLED)).isZero();
        assertThat(o.searchBacklog()).isEqualTo(2);
        assertThat(o.searchOldestQueued()).isEqualTo(Instant.parse("2026-12-02T09:58:00Z"));
    }

    private static void received(Connection c, String at, String folder) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO message_content (id, kek_version, wrapped_key,"
                        + " metadata_ciphertext, mime_ciphertext, size_bytes, received_at) VALUES (?, 1, '\\x00', '\\x00', '\\x00', 1, ?)")) {
            ps.setObject(1, id);
            ps.setTimestamp(2, Timestamp.from(Instant.parse(at)));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mailbox_entry (account_id, content_id, folder," + " received_at) VALUES (1, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, folder);
            ps.setTimestamp(3, Timestamp.from(Instant.parse(at)));
            ps.executeUpdate();
        }
    }

    @Test
    void aFailedStatementIsStorageUnavailableForTheFacadeNeverAnSqlException() {
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    MailQueueAdministrationIT.abortTheTransaction(em);
                    return new PortalOverview(em).at(NOW, BERLIN);
                }))
                // Whichever owner's statement meets the aborted transaction first says so.
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
    }
}
