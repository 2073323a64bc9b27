package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.secondfactor.SecondFactorsAtSignIn;

/**
 * The outcome of a password check, recorded after the check and outside it (issue 15), against
 * PostgreSQL: concurrent wrong guesses each count, and a check that no longer describes the
 * account when its row is locked signs nobody in.
 */
class SignInRecordsIT {

    private static final ConfirmedSecondFactors SIGN_IN_SECOND_FACTORS = new SecondFactorsAtSignIn();

    private static final String ANNA = "anna@client.example";
    private static final String HASH = "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$" + "A".repeat(43);
    private static final SigningInClient CLIENT = new SigningInClient("192.0.2.7", "Test browser", Language.ENGLISH);

    private static PortalJpa db;

    private final Instant now = Instant.now();

    @BeforeAll
    static void database() {
        db = PortalJpa.create("sign_in_records");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void anna() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE account, audit_event RESTART IDENTITY CASCADE");
            s.execute("INSERT INTO account (email, role, state, password_hash) VALUES ('" + ANNA + "', 'RECIPIENT',"
                    + " 'ACTIVE', '" + HASH + "')");
        }
    }

    @Test
    void wrongPasswordsCheckedAtTheSameTimeEachCountAndLockTheAccount() throws Exception {
        int guesses = SignInPolicy.DEFAULT.maxFailures();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<SignInResult>> outcomes = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return db.inTransaction(
                            em -> records(em).settle(ANNA, HASH, false, CLIENT, now, SignInPolicy.DEFAULT));
                }));
            }
            start.countDown();
            for (Future<SignInResult> outcome : outcomes) {
                assertThat(outcome.get().succeeded()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(lockedUntil())
                .as("locked after %d wrong passwords at once", guesses)
                .isNotNull();
        SignInResult right =
                db.inTransaction(em -> records(em).settle(ANNA, HASH, true, CLIENT, now, SignInPolicy.DEFAULT));
        assertThat(right.succeeded()).as("the right password while locked").isFalse();
    }

    @Test
    void aRightPasswordForAHashTheAccountNoLongerHasSignsNobodyInAndDoesNotCount() throws Exception {
        String before = "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$" + "B".repeat(43);

        SignInResult result =
                db.inTransaction(em -> records(em).settle(ANNA, before, true, CLIENT, now, SignInPolicy.DEFAULT));

        assertThat(result.succeeded()).isFalse();
        assertThat(failedLogins()).isZero();
        assertThat(lastAuditDetail()).isEqualTo("password changed during the sign-in");
    }

    @Test
    void theRightPasswordForTheStoredHashSignsInAndIsAudited() throws Exception {
        SignInResult result =
                db.inTransaction(em -> records(em).settle(ANNA, HASH, true, CLIENT, now, SignInPolicy.DEFAULT));

        assertThat(result.succeeded()).isTrue();
        assertThat(lastAuditAction()).isEqualTo("SIGNED_IN");
    }

    @Test
    void theStoredHashIsOfferedOnlyForAnAccountThatMayTryToSignIn() throws Exception {
        assertThat(hashToCheck(ANNA)).contains(HASH);
        assertThat(hashToCheck("nobody@client.example")).isEmpty();
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("UPDATE account SET locked_until = now() + interval '10 minutes'");
        }
        assertThat(hashToCheck(ANNA)).isEmpty();
    }

    private Optional<String> hashToCheck(String address) throws Exception {
        return db.<Optional<String>>inTransaction(em -> records(em).passwordHashToCheck(address, now));
    }

    private static SignInRecords records(jakarta.persistence.EntityManager em) {
        return new SignInRecords(em, false, SIGN_IN_SECOND_FACTORS, SessionRegistries.on(em));
    }

    private Object lockedUntil() throws Exception {
        return column("SELECT locked_until FROM account");
    }

    private int failedLogins() throws Exception {
        return ((Number) column("SELECT failed_logins FROM account")).intValue();
    }

    private Object lastAuditDetail() throws Exception {
        return column("SELECT detail FROM audit_event ORDER BY id DESC LIMIT 1");
    }

    private Object lastAuditAction() throws Exception {
        return column("SELECT action FROM audit_event ORDER BY id DESC LIMIT 1");
    }

    private static Object column(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
