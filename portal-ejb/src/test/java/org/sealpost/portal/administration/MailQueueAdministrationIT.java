package org.sealpost.portal.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.administration.AdministrationRefusedException.Reason;
import org.sealpost.portal.outbound.QueueEntry;
import org.sealpost.portal.outbound.QueueState;
import org.sealpost.portal.platform.StorageUnavailableException;

/** The administrators' mail queue against PostgreSQL. */
class MailQueueAdministrationIT {

    private static final String ADMIN = "postmaster@bank.example";

    private static PortalJpa db;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("mail_queue");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Row 1 waits for its first try, 2 was deferred twice, 3 was given up, 4 was sent. */
    @BeforeEach
    void queue() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE outbound_mail, audit_event RESTART IDENTITY");
            s.execute("""
                    INSERT INTO outbound_mail (kind, recipient, state, attempts, next_attempt_at, last_error, created_at) VALUES
                    ('NOTIFY_NEW_MESSAGE', 'new@client.example', 'QUEUED', 0, now(), NULL, now() - interval '1 minute'),
                    ('NOTIFY_NEW_MESSAGE', 'deferred@client.example', 'QUEUED', 2, now() + interval '3 hours',
                     'connection refused', now() - interval '2 hours'),
                    ('PASSWORD_RESET', 'failed@client.example', 'FAILED', 9, now(), 'no such host', now() - interval '5 days'),
                    ('NOTIFY_NEW_MESSAGE', 'sent@client.example', 'SENT', 1, now(), NULL, now() - interval '3 days')""");
        }
    }

    @Test
    void theQueueListsUndeliveredMailByStateNewestFirst() throws Exception {
        QueueList all =
                db.inTransaction(em -> new MailQueueAdministration(em).list(EnumSet.allOf(QueueState.class), 0, 10));
        QueueList deferred =
                db.inTransaction(em -> new MailQueueAdministration(em).list(EnumSet.of(QueueState.DEFERRED), 0, 10));

        assertThat(all.entries())
                .extracting(QueueEntry::recipient, QueueEntry::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("new@client.example", QueueState.QUEUED),
                        org.assertj.core.groups.Tuple.tuple("deferred@client.example", QueueState.DEFERRED),
                        org.assertj.core.groups.Tuple.tuple("failed@client.example", QueueState.GIVEN_UP));
        assertThat(deferred.total()).isEqualTo(1);
        assertThat(deferred.entries().get(0).lastError()).isEqualTo("connection refused");
    }

    /** The count (JPQL on the entity) and the list (SQL) select by the same states. */
    @Test
    void eachStatesCountIsTheLengthOfItsList() throws Exception {
        for (QueueState state : QueueState.values()) {
            for (Set<QueueState> states : List.of(EnumSet.of(state), EnumSet.complementOf(EnumSet.of(state)))) {
                QueueList list = db.inTransaction(em -> new MailQueueAdministration(em).list(states, 0, 10));
                assertThat(list.total())
                        .as("%s", states)
                        .isEqualTo(list.entries().size());
            }
        }
        assertThat(db.inTransaction(em -> new MailQueueAdministration(em).list(EnumSet.allOf(QueueState.class), 0, 1))
                        .total())
                .as("counted beyond the page, the sent mail left out")
                .isEqualTo(3);
    }

    @Test
    void retryNowMakesADeferredMailDueAtOnceAndIsAudited() throws Exception {
        Instant now = Instant.now();
        db.inTransaction(em -> new MailQueueAdministration(em).retryNow(2, ADMIN, null, now));

        assertThat(text("SELECT next_attempt_at <= now() FROM outbound_mail WHERE id = 2"))
                .isEqualTo("t");
        assertThat(text("SELECT action || ' ' || target_id FROM audit_event")).isEqualTo("OUTBOUND_RETRIED 2");
    }

    @Test
    void retryNowRevivesAGivenUpMail() throws Exception {
        db.inTransaction(em -> new MailQueueAdministration(em).retryNow(3, ADMIN, null, Instant.now()));

        assertThat(text("SELECT state FROM outbound_mail WHERE id = 3")).isEqualTo("QUEUED");
    }

    @Test
    void aGivenUpLinkMailIsNotRevivedWhileANewerOneWaits() throws Exception {
        sql("INSERT INTO outbound_mail (kind, recipient) VALUES ('PASSWORD_RESET', 'failed@client.example')");

        assertThatThrownBy(() ->
                        db.inTransaction(em -> new MailQueueAdministration(em).retryNow(3, ADMIN, null, Instant.now())))
                .isInstanceOfSatisfying(
                        AdministrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_LINK_WAITING));
        assertThat(text("SELECT state FROM outbound_mail WHERE id = 3")).isEqualTo("FAILED");
    }

    @Test
    void giveUpStopsTheRetriesAndSaysWho() throws Exception {
        db.inTransaction(em -> new MailQueueAdministration(em).giveUp(2, ADMIN, null, Instant.now()));

        assertThat(text("SELECT state || ': ' || last_error FROM outbound_mail WHERE id = 2"))
                .isEqualTo("FAILED: GIVEN_UP_BY_ADMINISTRATOR: " + ADMIN);
        assertThat(text("SELECT detail FROM audit_event")).endsWith("state: DEFERRED -> GIVEN_UP");
    }

    @Test
    void deleteRemovesAnUndeliveredMailButNeverASentOne() throws Exception {
        db.inTransaction(em -> new MailQueueAdministration(em).delete(3, ADMIN, null, Instant.now()));

        assertThatThrownBy(() ->
                        db.inTransaction(em -> new MailQueueAdministration(em).delete(4, ADMIN, null, Instant.now())))
                .isInstanceOfSatisfying(
                        AdministrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThat(text("SELECT string_agg(id::text, ',' ORDER BY id) FROM outbound_mail"))
                .isEqualTo("1,2,4");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String text(String query) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aFailedStatementIsStorageUnavailableForTheFacadeNeverAnSqlException() {
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    abortTheTransaction(em);
                    return new MailQueueAdministration(em).list(EnumSet.allOf(QueueState.class), 0, 10);
                }))
                .isInstanceOf(StorageUnavailableException.class)
                // the count is JPQL: the driver's exception under the provider's
                .hasRootCauseInstanceOf(SQLException.class);
    }

    /** PostgreSQL refuses every further statement of a transaction once one has failed. */
    static void abortTheTransaction(EntityManager em) {
        try (var s = PortalJpa.connectionOf(em).createStatement()) {
            s.execute("SELECT 1 / 0");
        } catch (SQLException expected) {
            // division by zero: the transaction is aborted
        }
    }
}
