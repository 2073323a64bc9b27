package org.sealpost.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;

/**
 * The change signal on PostgreSQL (V19, ADR 0023): a change committed on one connection reaches a
 * listener on another at once; one rolled back does not; one whose notification never came
 * (triggers switched off for the writing session) is caught by the safety poll.
 */
class ChangeSignalIT {

    private static final String TABLE = "runtime_settings";

    private PortalJpa db;
    private ChangeListener listener;
    private Thread thread;
    private final ChangeSignal signal = new ChangeSignal();

    @BeforeEach
    void database() throws Exception {
        db = PortalJpa.create("change-signal");
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO runtime_settings (id, organisation_name, accent_colour, show_original_subject,"
                    + " flag_header_name, flag_header_value, accept_unflagged, allowed_clients,"
                    + " retry_interval_seconds, retry_max_age_seconds, changed_at, default_language, version)"
                    + " VALUES (1, 'Bank', '#123456', false, 'X-Flag', 'on', true, '', 300, 432000, now(), 'en', 0)");
        }
    }

    @AfterEach
    void close() throws Exception {
        if (listener != null) {
            listener.stop();
            thread.join(Duration.ofSeconds(5));
        }
        db.close();
    }

    private void listen(Duration safetyPoll) throws InterruptedException {
        listener = new ChangeListener(signal, db.dataSource(), safetyPoll, Duration.ofMillis(100));
        thread = Thread.ofPlatform().name("change-signal-test").start(listener);
        assertThat(within(Duration.ofSeconds(10), signal::listening)).isTrue();
    }

    private void rename(String name, boolean commit, boolean triggersOff) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            if (triggersOff) {
                // As a restore or a hand-made change might: no trigger fires, so no notification.
                s.execute("SET LOCAL session_replication_role = replica");
            }
            s.executeUpdate("UPDATE runtime_settings SET organisation_name = '" + name + "' WHERE id = 1");
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    @Test
    void aChangeCommittedOnAnotherConnectionRaisesTheTablesGenerationAtOnce() throws Exception {
        listen(Duration.ofHours(1));
        long before = signal.generation(TABLE);
        assertThat(signal.generation(TABLE)).as("nothing changed").isEqualTo(before);

        rename("Bank Example", true, false);

        assertThat(within(Duration.ofSeconds(5), () -> signal.generation(TABLE) != before))
                .as("the notification arrived")
                .isTrue();
        assertThat(signal.generation("some_other_table")).isEqualTo(signal.generation("some_other_table"));
    }

    @Test
    void aChangeRolledBackSignalsNothing() throws Exception {
        listen(Duration.ofHours(1));
        long before = signal.generation(TABLE);

        rename("Never", false, false);

        assertThat(within(Duration.ofSeconds(2), () -> signal.generation(TABLE) != before))
                .isFalse();
    }

    @Test
    void aChangeWhoseNotificationNeverCameIsCaughtByTheSafetyPoll() throws Exception {
        listen(Duration.ofSeconds(2));
        // Right after a safety poll, so that the next one is about 2 s away.
        long polled = signal.generation(TABLE);
        assertThat(within(Duration.ofSeconds(5), () -> signal.generation(TABLE) != polled))
                .isTrue();
        long before = signal.generation(TABLE);

        rename("Unannounced", true, true);

        assertThat(within(Duration.ofMillis(700), () -> signal.generation(TABLE) != before))
                .as("no notification for a change made with triggers off")
                .isFalse();
        assertThat(within(Duration.ofSeconds(5), () -> signal.generation(TABLE) != before))
                .as("the safety poll")
                .isTrue();
    }

    @Test
    void whileNobodyListensEveryAskAnswersANewGeneration() {
        // No listener: no value may be kept, since no change would be told.
        long first = signal.generation(TABLE);
        assertThat(signal.generation(TABLE)).isNotEqualTo(first);
    }

    @Test
    void aListenerThatLosesItsConnectionStopsVouchingUntilItListensAgain() throws Exception {
        listen(Duration.ofHours(1));
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
        }
        assertThat(within(Duration.ofSeconds(5), () -> !signal.listening())).isTrue();
        assertThat(within(Duration.ofSeconds(10), signal::listening))
                .as("listening again")
                .isTrue();
        long before = signal.generation(TABLE);
        rename("After the break", true, false);
        assertThat(within(Duration.ofSeconds(5), () -> signal.generation(TABLE) != before))
                .isTrue();
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
