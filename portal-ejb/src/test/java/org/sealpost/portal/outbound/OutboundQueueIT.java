package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.testsupport.TestDatabase;

/** The queue's SQL against a real PostgreSQL, as two portal nodes would run it at once. */
class OutboundQueueIT {

    private DataSource db;

    @BeforeEach
    void queueOfTenDueNotifications() throws SQLException {
        db = TestDatabase.server().createDatabase("outbound").dataSource();
        SchemaMigrations.migrate(db);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO account (email, role, state) VALUES ('anna@client.example', 'RECIPIENT', 'PENDING')");
            for (int i = 0; i < 10; i++) {
                s.execute("""
                        INSERT INTO outbound_mail (kind, recipient, account_id, next_attempt_at)
                        SELECT 'NOTIFY_NEW_MESSAGE', 'anna@client.example', id, now() - interval '1 minute'
                        FROM account""");
            }
        }
    }

    @Test
    void twoNodesClaimingAtOnceGetDisjointRowsAndNeitherWaits() throws SQLException {
        try (Connection nodeA = db.getConnection();
                Connection nodeB = db.getConnection()) {
            nodeA.setAutoCommit(false);
            nodeB.setAutoCommit(false);

            List<QueuedMail> a = OutboundQueue.claimDue(nodeA, Instant.now(), 6);
            List<QueuedMail> b = OutboundQueue.claimDue(nodeB, Instant.now(), 10);

            Set<Long> idsA = a.stream().map(QueuedMail::id).collect(Collectors.toSet());
            Set<Long> idsB = b.stream().map(QueuedMail::id).collect(Collectors.toSet());
            assertThat(idsA).hasSize(6);
            assertThat(idsB).hasSize(4).doesNotContainAnyElementsOf(idsA);
            nodeA.commit();
            nodeB.commit();
        }
    }

    @Test
    void theRecipientsOtherQueuedArrivalsJoinTheBatchDueOrNotButNeverRowsAnotherNodeHolds() throws SQLException {
        Instant now = Instant.now();
        try (Connection nodeA = db.getConnection();
                Connection nodeB = db.getConnection();
                Statement s = nodeA.createStatement()) {
            // An arrival postponed by the quiet period, and someone else's arrival.
            s.execute("""
                    INSERT INTO outbound_mail (kind, recipient, account_id, next_attempt_at)
                    SELECT 'NOTIFY_NEW_MESSAGE', email, id, now() + interval '10 minutes' FROM account""");
            s.execute("INSERT INTO account (email, role, state) VALUES ('bob@client.example', 'RECIPIENT', 'PENDING')");
            s.execute("""
                    INSERT INTO outbound_mail (kind, recipient, account_id, next_attempt_at)
                    SELECT 'NOTIFY_NEW_MESSAGE', email, id, now() - interval '1 minute' FROM account
                    WHERE email = 'bob@client.example'""");
            nodeA.setAutoCommit(false);
            nodeB.setAutoCommit(false);

            List<QueuedMail> heldByA = OutboundQueue.claimDue(nodeA, now, 4);
            List<QueuedMail> heldByB = OutboundQueue.claimDue(nodeB, now, 3);
            List<QueuedMail> joining = OutboundQueue.claimQueuedArrivals(
                    nodeA,
                    "anna@client.example",
                    heldByA.stream().map(QueuedMail::id).toList());

            Set<Long> joiningIds = joining.stream().map(QueuedMail::id).collect(Collectors.toSet());
            assertThat(joining)
                    .hasSize(10 + 1 - 4 - 3)
                    .allMatch(m -> m.recipient().equals("anna@client.example"));
            assertThat(joiningIds)
                    .doesNotContainAnyElementsOf(
                            heldByA.stream().map(QueuedMail::id).toList())
                    .doesNotContainAnyElementsOf(
                            heldByB.stream().map(QueuedMail::id).toList());
            nodeA.commit();
            nodeB.commit();
        }
    }

    @Test
    void aDeferredMailIsNotDueBeforeItsNextAttemptAndKeepsItsReason() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            List<QueuedMail> all = OutboundQueue.claimDue(c, now, 10);
            OutboundQueue.defer(c, all.subList(0, 3), "smarthost offered no STARTTLS", now.plus(Duration.ofMinutes(5)));
            c.commit();

            assertThat(OutboundQueue.claimDue(c, now.plusSeconds(1), 100)).hasSize(7);
            c.rollback();
            assertThat(OutboundQueue.claimDue(c, now.plus(Duration.ofMinutes(6)), 100))
                    .hasSize(10)
                    .filteredOn(m -> m.attempts() == 1)
                    .hasSize(3);
            c.rollback();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT count(*) FROM outbound_mail WHERE last_error = 'smarthost offered no STARTTLS'");
                    var rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void aFailedStatementReachesTheOtherPackagesAsStorageUnavailableNeverAsSqlException() throws SQLException {
        Connection gone = db.getConnection();
        gone.close();

        assertThatThrownBy(() -> OutboundQueue.queue(gone, "PASSWORD_CHANGED", "anna@client.example", 1, Instant.now()))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("the mail cannot be queued now")
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> OutboundQueue.figures(gone))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
    }
}
