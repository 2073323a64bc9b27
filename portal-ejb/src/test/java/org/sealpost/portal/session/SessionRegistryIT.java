package org.sealpost.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.operator.OperatorContext;

/**
 * The session registry against PostgreSQL, without Payara: a session is opened at sign-in,
 * checked and touched on each request, ends when it signs out, expires, is ended from another
 * session of its account or everywhere at once, and a handle of another account's session
 * neither ends that session nor passes the check.
 */
class SessionRegistryIT {

    private static final Duration IDLE = Duration.ofMinutes(15);
    private static final Duration MAX_AGE = Duration.ofHours(12);
    private static final String FIREFOX =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static PortalJpa db;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private long anna;
    private long bob;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("session_registry");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void twoAccounts() throws Exception {
        sql("TRUNCATE account, audit_event, portal_session RESTART IDENTITY CASCADE");
        anna = account("anna@client.example");
        bob = account("bob@client.example");
    }

    @Test
    void anOpenedSessionGoesOnAndIsListedAsItsOwnersCurrentOne() throws Exception {
        SessionHandle handle = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));

        assertThat(check(anna, handle, now, now.plusSeconds(5))).isEqualTo(SessionVerdict.GOES_ON);
        var open = openSessions(anna, handle, now.plusSeconds(5));
        assertThat(open).singleElement().satisfies(s -> {
            assertThat(s.handle()).isEqualTo(handle);
            assertThat(s.current()).isTrue();
            assertThat(s.device()).isEqualTo(new DeviceSummary("Firefox", "Windows"));
            assertThat(s.clientAddress()).isEqualTo("192.0.2.7");
        });
        assertThat(activeSessions(now.plusSeconds(5))).isEqualTo(1);
    }

    @Test
    void theCheckWritesLastSeenAtMostOnceAMinute() throws Exception {
        SessionHandle handle = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));

        check(anna, handle, now, now.plusSeconds(30));
        assertThat(lastSeen(handle)).as("within the touch interval").isEqualTo(now);
        check(anna, handle, now, now.plusSeconds(61));
        assertThat(lastSeen(handle)).isEqualTo(now.plusSeconds(61));
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutIsNoLongerListedAndEndsAsExpired() throws Exception {
        SessionHandle handle = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));
        Instant later = now.plus(IDLE).plus(Activity.TOUCH_INTERVAL).plusSeconds(1);

        assertThat(openSessions(anna, null, later)).isEmpty();
        assertThat(activeSessions(later)).isZero();
        assertThat(endOther(anna, handle.value(), null, later))
                .as("an idle session is not offered for ending")
                .isInstanceOf(EndOutcome.NoSuchSession.class);

        registry(r -> {
            r.end(handle, EndReason.EXPIRED, later);
            return null;
        });
        assertThat(endReason(handle)).isEqualTo("EXPIRED");
        assertThat(check(anna, handle, now, later)).isEqualTo(SessionVerdict.ENDED);
    }

    @Test
    void aSignedOutSessionEndsOnceAndKeepsItsFirstReason() throws Exception {
        SessionHandle handle = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));

        registry(r -> {
            r.end(handle, EndReason.SIGNED_OUT, now.plusSeconds(10));
            r.end(handle, EndReason.EXPIRED, now.plusSeconds(20));
            return null;
        });

        assertThat(endReason(handle)).isEqualTo("SIGNED_OUT");
        assertThat(check(anna, handle, now, now.plusSeconds(30))).isEqualTo(SessionVerdict.ENDED);
    }

    @Test
    void aSessionEndedFromAnotherSessionOfTheAccountSaysSoAndBothAreAudited() throws Exception {
        SessionHandle phone = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));
        SessionHandle laptop = registry(r -> r.register(anna, "192.0.2.8", FIREFOX, now));

        EndOutcome outcome = registry(
                r -> r.endOther(anna, "anna@client.example", phone.value(), laptop, "192.0.2.8", now.plusSeconds(5)));
        EndOutcome again = registry(
                r -> r.endOther(anna, "anna@client.example", phone.value(), laptop, "192.0.2.8", now.plusSeconds(6)));
        EndOutcome itself = registry(
                r -> r.endOther(anna, "anna@client.example", laptop.value(), laptop, "192.0.2.8", now.plusSeconds(7)));

        assertThat(outcome).isInstanceOf(EndOutcome.Ended.class);
        assertThat(((EndOutcome.Ended) outcome).session().handle()).isEqualTo(phone);
        assertThat(again).isInstanceOf(EndOutcome.NoSuchSession.class);
        assertThat(itself)
                .as("the asking session signs out with its own button")
                .isInstanceOf(EndOutcome.NoSuchSession.class);
        assertThat(check(anna, phone, now, now.plusSeconds(10))).isEqualTo(SessionVerdict.ENDED_FROM_OTHER_SESSION);
        assertThat(check(anna, laptop, now, now.plusSeconds(10))).isEqualTo(SessionVerdict.GOES_ON);
        assertThat(auditActions())
                .containsExactly("SIGNED_OUT_OTHER_SESSION", "SESSION_END_REFUSED", "SESSION_END_REFUSED");
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndAnyThatSignedInBefore() throws Exception {
        SessionHandle phone = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));
        SessionHandle laptop = registry(r -> r.register(anna, "192.0.2.8", FIREFOX, now));
        SessionHandle bobs = registry(r -> r.register(bob, "198.51.100.1", FIREFOX, now));
        Instant everywhere = now.plusSeconds(60);

        sql("UPDATE account SET sessions_valid_after = '" + Timestamp.from(everywhere) + "' WHERE id = " + anna);
        registry(r -> {
            r.endAll(anna, null, EndReason.SIGNED_OUT_EVERYWHERE, everywhere);
            return null;
        });

        assertThat(endReason(phone)).isEqualTo("SIGNED_OUT_EVERYWHERE");
        assertThat(endReason(laptop)).isEqualTo("SIGNED_OUT_EVERYWHERE");
        assertThat(check(anna, phone, now, everywhere.plusSeconds(1))).isEqualTo(SessionVerdict.ENDED);
        assertThat(check(bob, bobs, now, everywhere.plusSeconds(1)))
                .as("another account's session")
                .isEqualTo(SessionVerdict.GOES_ON);

        // A session whose row is still open (written by a node that missed the UPDATE) but that
        // signed in before the account's instant ends all the same.
        sql("UPDATE portal_session SET ended_at = NULL, end_reason = NULL WHERE handle = '" + phone + "'");
        assertThat(check(anna, phone, now, everywhere.plusSeconds(2))).isEqualTo(SessionVerdict.ENDED);
        SessionHandle afterwards = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, everywhere.plusSeconds(3)));
        assertThat(check(anna, afterwards, everywhere.plusSeconds(3), everywhere.plusSeconds(4)))
                .isEqualTo(SessionVerdict.GOES_ON);
    }

    @Test
    void thePasswordChangeKeepsTheChangingSessionOnly() throws Exception {
        SessionHandle phone = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));
        SessionHandle laptop = registry(r -> r.register(anna, "192.0.2.8", FIREFOX, now));

        registry(r -> {
            r.endAll(anna, laptop, EndReason.PASSWORD_REPLACED, now.plusSeconds(5));
            return null;
        });

        assertThat(endReason(phone)).isEqualTo("PASSWORD_REPLACED");
        assertThat(endReason(laptop)).isNull();
    }

    @Test
    void aHandleOfAnotherAccountsSessionNeitherEndsItNorPassesTheCheck() throws Exception {
        SessionHandle bobs = registry(r -> r.register(bob, "198.51.100.1", FIREFOX, now));
        SessionHandle annas = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));

        EndOutcome outcome = registry(
                r -> r.endOther(anna, "anna@client.example", bobs.value(), annas, "192.0.2.7", now.plusSeconds(5)));

        assertThat(outcome).isInstanceOf(EndOutcome.NoSuchSession.class);
        assertThat(endReason(bobs)).isNull();
        assertThat(check(bob, bobs, now, now.plusSeconds(6))).isEqualTo(SessionVerdict.GOES_ON);
        assertThat(check(anna, bobs, now, now.plusSeconds(6)))
                .as("Bob's handle presented in Anna's session")
                .isEqualTo(SessionVerdict.ENDED);
        assertThat(endOther(anna, "not a handle", annas, now)).isInstanceOf(EndOutcome.NoSuchSession.class);
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeAndWhenItsAccountIsNoLongerActive() throws Exception {
        SessionHandle handle = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));

        assertThat(check(anna, handle, now, now.plus(MAX_AGE))).isEqualTo(SessionVerdict.REACHED_MAX_AGE);
        sql("UPDATE account SET state = 'DISABLED' WHERE id = " + anna);
        assertThat(check(anna, handle, now, now.plusSeconds(5))).isEqualTo(SessionVerdict.ENDED);
        assertThat(check(anna, null, now, now.plusSeconds(5))).as("no handle").isEqualTo(SessionVerdict.ENDED);
        assertThat(check(4711, handle, now, now.plusSeconds(5)))
                .as("no account")
                .isEqualTo(SessionVerdict.ENDED);
    }

    @Test
    void signingInAgainPurgesTheAccountsRowsEndedLongAgo() throws Exception {
        SessionHandle old = registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now.minus(Duration.ofDays(40))));
        registry(r -> {
            r.end(old, EndReason.SIGNED_OUT, now.minus(Duration.ofDays(40)));
            return null;
        });

        registry(r -> r.register(anna, "192.0.2.7", FIREFOX, now));

        assertThat(endReason(old)).as("purged").isNull();
        assertThat(count("SELECT count(*) FROM portal_session")).isEqualTo(1);
    }

    @Test
    void thePurgeAtEverySignInReadsOnlyTheAccountsOwnRowsThroughAnIndex() throws Exception {
        // 20,000 sessions of other accounts: before V20 the purge's plan was a sequential scan
        // of all of them on every sign-in (6.5 ms at 34,000 rows).
        long other = account("other-" + System.nanoTime() + "@client.example");
        String plan;
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement fill = c.prepareStatement(
                        "INSERT INTO portal_session (handle, account_id, signed_in_at, last_seen_at, device)"
                                + " SELECT substr(md5(g::text || random()::text), 1, 22), ?, now(), now(), 'Firefox'"
                                + " FROM generate_series(1, 20000) g")) {
            fill.setLong(1, other);
            fill.executeUpdate();
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("ANALYZE portal_session");
            }
            // PortalSession.PURGE in SQL: one account, last seen before the retention.
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN DELETE FROM portal_session WHERE account_id = "
                            + anna + " AND last_seen_at < now() - interval '30 days'");
                    ResultSet rs = explain.executeQuery()) {
                StringBuilder lines = new StringBuilder();
                while (rs.next()) {
                    lines.append(rs.getString(1)).append('\n');
                }
                plan = lines.toString();
            }
        }

        assertThat(plan).contains("portal_session_by_account").doesNotContain("Seq Scan");
    }

    private SessionVerdict check(long account, SessionHandle handle, Instant signedInAt, Instant at) throws Exception {
        return registry(r -> r.check(account, handle, signedInAt, at));
    }

    private static java.util.List<OpenSession> openSessions(long account, SessionHandle current, Instant at)
            throws Exception {
        return registry(r -> r.openSessions(account, current, at));
    }

    private static long activeSessions(Instant at) throws Exception {
        return registry(r -> r.activeSessions(at));
    }

    private static EndOutcome endOther(long account, String handle, SessionHandle current, Instant at)
            throws Exception {
        return registry(r -> r.endOther(account, "someone@client.example", handle, current, "192.0.2.8", at));
    }

    private static <T> T registry(Work<T> work) throws Exception {
        return db.inTransaction((OperatorContext.Work<T>)
                em -> work.run(new SessionRegistry(em, AccountDirectory::sessionStanding, IDLE, MAX_AGE)));
    }

    private interface Work<T> {
        T run(SessionRegistry registry) throws Exception;
    }

    private static long account(String email) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO account (email, role, state) VALUES (?, 'RECIPIENT', 'ACTIVE') RETURNING id")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Instant lastSeen(SessionHandle handle) throws Exception {
        return ((Timestamp) column("SELECT last_seen_at FROM portal_session WHERE handle = '" + handle + "'"))
                .toInstant();
    }

    private static String endReason(SessionHandle handle) throws Exception {
        return (String) column("SELECT end_reason FROM portal_session WHERE handle = '" + handle + "'");
    }

    private static java.util.List<String> auditActions() throws Exception {
        java.util.List<String> actions = new java.util.ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT action FROM audit_event ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        }
        return actions;
    }

    private static long count(String sql) throws Exception {
        return ((Number) column(sql)).longValue();
    }

    private static Object column(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    private static void sql(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
