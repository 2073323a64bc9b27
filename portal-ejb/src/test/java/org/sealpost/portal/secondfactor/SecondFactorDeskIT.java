package org.sealpost.portal.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.ClientThrottle;
import org.sealpost.portal.account.SignInPolicy;
import org.sealpost.portal.account.password.Argon2Settings;
import org.sealpost.portal.account.password.PasswordHasher;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;

/**
 * The second factor's flows on a real PostgreSQL: sealed secret, confirmation, replay refused
 * (also by two transactions at once), recovery codes spent once, wrong codes locking the
 * account like wrong passwords, turning it off.
 */
class SecondFactorDeskIT {

    private static final String PASSWORD = "second factor test passphrase";
    private static final String CLIENT = "192.0.2.7";
    private static final Instant T0 = Instant.parse("2026-12-03T12:00:10Z");

    @TempDir
    static Path keys;

    private static PortalJpa db;
    private static MessageSealer sealer;
    private static KeyEncryptionKeys keks;
    private static final PasswordHasher HASHER = new PasswordHasher(new Argon2Settings(256, 1, 1));
    private final TotpCodes codes = new TotpCodes();
    private ClientThrottle throttle;
    private long anna;
    private long admin;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("second_factor");
        keks = KeyEncryptionKeys.openOrCreate(keys.resolve("kek.p12"), "pw".toCharArray());
        sealer = new MessageSealer(keks);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void accounts() throws Exception {
        throttle = new ClientThrottle();
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE account, audit_event, second_factor, recovery_code RESTART IDENTITY CASCADE");
            anna = account(c, "anna@client.example", "RECIPIENT");
            admin = account(c, "postmaster@bank.example", "ADMIN");
        }
    }

    private static long account(Connection c, String email, String role) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO account (email, role, state, password_hash) VALUES (?, ?, 'ACTIVE', ?) RETURNING id""")) {
            ps.setString(1, email);
            ps.setString(2, role);
            ps.setString(3, HASHER.hash(PASSWORD.toCharArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private <T> T desk(boolean production, DeskWork<T> work) throws Exception {
        return db.inTransaction(em -> work.run(new SecondFactorDesk(
                em, sealer, HASHER, throttle, SignInPolicy.DEFAULT, production, new SecureRandom())));
    }

    private CodeCheck check(boolean production, DeskWork<CodeCheck> work) throws Exception {
        return desk(production, work);
    }

    private SecondFactorStatus status(boolean production, DeskWork<SecondFactorStatus> work) throws Exception {
        return desk(production, work);
    }

    private TurnOffOutcome off(boolean production, DeskWork<TurnOffOutcome> work) throws Exception {
        return desk(production, work);
    }

    private java.util.Optional<?> optional(boolean production, DeskWork<java.util.Optional<?>> work) throws Exception {
        return desk(production, work);
    }

    @FunctionalInterface
    private interface DeskWork<T> {
        T run(SecondFactorDesk desk) throws Exception;
    }

    /** Enrols {@code account} at T0, confirms it with T0's code, and returns the secret. */
    private byte[] enrolled(long account) throws Exception {
        Enrolment enrolment =
                desk(false, d -> d.startEnrolment(account, "Bank", T0)).orElseThrow();
        byte[] secret = secretOf(enrolment);
        CodeCheck confirmed = desk(false, d -> d.confirmEnrolment(account, codeAt(secret, T0), false, CLIENT, T0));
        assertThat(confirmed.accepted()).isTrue();
        return secret;
    }

    private static byte[] secretOf(Enrolment enrolment) {
        return new Base32().decode(enrolment.secretText().replace(" ", ""));
    }

    private String codeAt(byte[] secret, Instant at) {
        return codes.codeAt(secret, TotpCodes.stepAt(at));
    }

    @Test
    void theSecretIsStoredSealedNeverInClear() throws Exception {
        Enrolment enrolment =
                desk(false, d -> d.startEnrolment(anna, "Bank", T0)).orElseThrow();
        byte[] secret = secretOf(enrolment);
        assertThat(enrolment.otpauthUri())
                .startsWith("otpauth://totp/Bank:anna%40client.example?secret="
                        + enrolment.secretText().replace(" ", ""));
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT secret_ciphertext, wrapped_key, second_factor::text FROM second_factor")) {
            assertThat(rs.next()).isTrue();
            byte[] ciphertext = rs.getBytes(1);
            assertThat(ciphertext).hasSize(secret.length + 29);
            assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1))
                    .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
            assertThat(rs.getString(3)).doesNotContain(enrolment.secretText().replace(" ", ""));
        }
    }

    @Test
    void anEnrolmentCountsOnlyOnceConfirmedWithARightCodeAndThenIssuesTenRecoveryCodes() throws Exception {
        Enrolment enrolment =
                desk(false, d -> d.startEnrolment(anna, "Bank", T0)).orElseThrow();
        byte[] secret = secretOf(enrolment);
        assertThat(check(false, d -> d.signInWithCode(anna, codeAt(secret, T0), CLIENT, T0)))
                .isInstanceOf(CodeCheck.NoSecondFactor.class);
        assertThat(status(false, d -> d.status(anna)).on()).isFalse();

        String wrong = codeAt(secret, T0.plusSeconds(300));
        assertThat(check(false, d -> d.confirmEnrolment(anna, wrong, false, CLIENT, T0)))
                .isInstanceOf(CodeCheck.Wrong.class);
        CodeCheck confirmed = desk(false, d -> d.confirmEnrolment(anna, codeAt(secret, T0), false, CLIENT, T0));
        assertThat(confirmed).isInstanceOf(CodeCheck.Accepted.class);
        assertThat(((CodeCheck.Accepted) confirmed).newRecoveryCodes()).hasSize(10);
        assertThat(status(false, d -> d.status(anna))).isEqualTo(new SecondFactorStatus(true, 10, true));
        assertThat(optional(false, d -> d.startEnrolment(anna, "Bank", T0))).isEmpty();
        assertThat(auditActions()).contains("SECOND_FACTOR_ENROLLED");
    }

    @Test
    void aKekRotationReWrapsTheSecretAndItsCodesStillSignIn() throws Exception {
        byte[] secret = enrolled(anna);
        int before = keks.currentVersion();
        keks.rotate();
        try (Connection c = db.dataSource().getConnection()) {
            org.sealpost.portal.keys.WrappedDataKeys.rewrap(c, sealer, List.of(before), 100);
        }
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT kek_version FROM second_factor WHERE account_id = " + anna)) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(before + 1);
        }
        Instant later = T0.plusSeconds(30);
        assertThat(check(false, d -> d.signInWithCode(anna, codeAt(secret, later), CLIENT, later))
                        .accepted())
                .isTrue();
    }

    @Test
    void openingTheEnrolmentAgainReplacesTheUnconfirmedSecret() throws Exception {
        byte[] first =
                secretOf(desk(false, d -> d.startEnrolment(anna, "Bank", T0)).orElseThrow());
        byte[] second =
                secretOf(desk(false, d -> d.startEnrolment(anna, "Bank", T0)).orElseThrow());
        assertThat(second).isNotEqualTo(first);
        // Both in one transaction too, as a page reloaded within one request would.
        byte[] third = desk(false, d -> {
            d.startEnrolment(anna, "Bank", T0);
            return secretOf(d.startEnrolment(anna, "Bank", T0).orElseThrow());
        });
        assertThat(check(false, d -> d.confirmEnrolment(anna, codeAt(second, T0), false, CLIENT, T0)))
                .isInstanceOf(CodeCheck.Wrong.class);
        assertThat(check(false, d -> d.confirmEnrolment(anna, codeAt(third, T0), false, CLIENT, T0))
                        .accepted())
                .isTrue();
        assertThat(count("SELECT count(*) FROM second_factor")).isOne();
    }

    @Test
    void anAdministratorsRequiredEnrolmentCompletesTheSignInAndOnlyThenResetsTheFailureCount() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.executeUpdate("UPDATE account SET failed_logins = 3 WHERE id = " + admin);
        }
        Enrolment enrolment =
                desk(true, d -> d.startEnrolment(admin, "Bank", T0)).orElseThrow();
        byte[] secret = secretOf(enrolment);
        assertThat(check(true, d -> d.confirmEnrolment(admin, codeAt(secret, T0), true, CLIENT, T0))
                        .accepted())
                .isTrue();
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT failed_logins, last_login_at FROM account WHERE id = " + admin)) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
            assertThat(rs.getTimestamp(2)).isNotNull();
        }
        assertThat(auditActions()).containsSubsequence("SECOND_FACTOR_ENROLLED", "SIGNED_IN");
    }

    @Test
    void aCodeSignsInOnceAndItsReplayAndOlderStepsAreRefused() throws Exception {
        byte[] secret = enrolled(anna);
        Instant later = T0.plusSeconds(30);
        String next = codeAt(secret, later);

        assertThat(check(false, d -> d.signInWithCode(anna, next, CLIENT, later)))
                .isInstanceOf(CodeCheck.Accepted.class);
        assertThat(check(false, d -> d.signInWithCode(anna, next, CLIENT, later)))
                .isInstanceOf(CodeCheck.Replayed.class);
        // T0's code is still inside the ±1 window at T0+30 s, but its step is older than the one used.
        assertThat(check(false, d -> d.signInWithCode(anna, codeAt(secret, T0), CLIENT, later)))
                .isInstanceOf(CodeCheck.Replayed.class);
        // The confirming code itself was used too.
        assertThat(check(false, d -> d.signInWithCode(anna, codeAt(secret, T0), CLIENT, T0)))
                .isInstanceOf(CodeCheck.Replayed.class);
        assertThat(auditActions()).contains("SIGNED_IN", "SECOND_FACTOR_REPLAYED");
    }

    @Test
    void twoConcurrentSignInsWithTheSameCodeSucceedOnce() throws Exception {
        byte[] secret = enrolled(anna);
        Instant later = T0.plusSeconds(30);
        String code = codeAt(secret, later);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<CodeCheck>> answers = List.of(
                    pool.submit(() -> {
                        start.await();
                        return desk(false, d -> d.signInWithCode(anna, code, CLIENT, later));
                    }),
                    pool.submit(() -> {
                        start.await();
                        return desk(false, d -> d.signInWithCode(anna, code, CLIENT, later));
                    }));
            start.countDown();
            List<CodeCheck> results = List.of(
                    answers.get(0).get(30, TimeUnit.SECONDS), answers.get(1).get(30, TimeUnit.SECONDS));
            assertThat(results).filteredOn(CodeCheck::accepted).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof CodeCheck.Replayed).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStepClaimItselfIsAtomicBetweenTwoTransactionsThatOverlap() throws Exception {
        enrolled(anna);
        long step = TotpCodes.stepAt(T0) + 1;
        CountDownLatch firstClaimed = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first transaction claims the step and holds its row lock a moment before it
            // commits; the second claims the same step meanwhile, as another node would.
            Future<Boolean> first = pool.submit(() -> db.inTransaction(em -> {
                boolean claimed = new SecondFactors(em).claimStep(anna, step);
                firstClaimed.countDown();
                Thread.sleep(500);
                return claimed;
            }));
            firstClaimed.await(30, TimeUnit.SECONDS);
            Future<Boolean> second =
                    pool.submit(() -> db.inTransaction(em -> new SecondFactors(em).claimStep(anna, step)));
            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRecoveryCodeSignsInOnceAndNotTwice() throws Exception {
        Enrolment enrolment =
                desk(false, d -> d.startEnrolment(anna, "Bank", T0)).orElseThrow();
        byte[] secret = secretOf(enrolment);
        List<String> recovery = ((CodeCheck.Accepted)
                        desk(false, d -> d.confirmEnrolment(anna, codeAt(secret, T0), false, CLIENT, T0)))
                .newRecoveryCodes();
        String code = recovery.get(3);

        CodeCheck first = desk(
                false, d -> d.signInWithRecoveryCode(anna, code.toUpperCase().replace("-", " "), CLIENT, T0));
        assertThat(first).isEqualTo(new CodeCheck.Accepted(List.of(), 9));
        assertThat(check(false, d -> d.signInWithRecoveryCode(anna, code, CLIENT, T0)))
                .isInstanceOf(CodeCheck.Wrong.class);
        // Another account's code, or a made-up one, is wrong as well.
        assertThat(check(false, d -> d.signInWithRecoveryCode(anna, "aaaa-bbbb-cccc-dddd", CLIENT, T0)))
                .isInstanceOf(CodeCheck.Wrong.class);
        assertThat(status(false, d -> d.status(anna)).recoveryCodesLeft()).isEqualTo(9);
        assertThat(auditActions()).contains("RECOVERY_CODE_USED");
    }

    @Test
    void fiveWrongCodesLockTheAccountLikeWrongPasswordsAndThenEvenTheRightCodeIsRefused() throws Exception {
        byte[] secret = enrolled(anna);
        Instant later = T0.plusSeconds(60);
        String wrong = codeAt(secret, later.plusSeconds(600));
        for (int i = 0; i < SignInPolicy.DEFAULT.maxFailures() - 1; i++) {
            assertThat(check(false, d -> d.signInWithCode(anna, wrong, CLIENT, later)))
                    .isInstanceOf(CodeCheck.Wrong.class);
        }
        assertThat(check(false, d -> d.signInWithCode(anna, wrong, CLIENT, later)))
                .isInstanceOf(CodeCheck.Locked.class);
        assertThat(check(false, d -> d.signInWithCode(anna, codeAt(secret, later), CLIENT, later)))
                .isInstanceOf(CodeCheck.Locked.class);
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT locked_until FROM account WHERE id = " + anna)) {
            rs.next();
            assertThat(rs.getTimestamp(1)).isNotNull();
        }
    }

    @Test
    void turningItOffTakesACurrentCodeOrThePasswordAndAnAdministratorInProductionKeepsIt() throws Exception {
        byte[] secret = enrolled(anna);
        assertThat(off(false, d -> d.turnOff(anna, "not the password at all", CLIENT, T0)))
                .isEqualTo(TurnOffOutcome.WRONG_PROOF);
        assertThat(status(false, d -> d.status(anna)).on()).isTrue();
        assertThat(off(false, d -> d.turnOff(anna, PASSWORD, CLIENT, T0))).isEqualTo(TurnOffOutcome.TURNED_OFF);
        assertThat(status(false, d -> d.status(anna)).on()).isFalse();
        assertThat(check(false, d -> d.signInWithRecoveryCode(anna, "aaaa-bbbb-cccc-dddd", CLIENT, T0)))
                .isInstanceOf(CodeCheck.NoSecondFactor.class);

        byte[] adminSecret = enrolled(admin);
        Instant later = T0.plusSeconds(30);
        assertThat(off(true, d -> d.turnOff(admin, codeAt(adminSecret, later), CLIENT, later)))
                .isEqualTo(TurnOffOutcome.REQUIRED);
        assertThat(status(true, d -> d.status(admin)).mayTurnOff()).isFalse();
        assertThat(off(false, d -> d.turnOff(admin, codeAt(adminSecret, later), CLIENT, later)))
                .isEqualTo(TurnOffOutcome.TURNED_OFF);
        assertThat(auditActions()).contains("SECOND_FACTOR_DISABLED", "SECOND_FACTOR_CHANGE_REFUSED");
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() throws Exception {
        Enrolment enrolment =
                desk(false, d -> d.startEnrolment(anna, "Bank", T0)).orElseThrow();
        byte[] secret = secretOf(enrolment);
        List<String> old = ((CodeCheck.Accepted)
                        desk(false, d -> d.confirmEnrolment(anna, codeAt(secret, T0), false, CLIENT, T0)))
                .newRecoveryCodes();
        assertThat(optional(false, d -> d.replaceRecoveryCodes(anna, "wrong password here", CLIENT, T0)))
                .isEmpty();
        List<String> fresh = desk(false, d -> d.replaceRecoveryCodes(anna, PASSWORD, CLIENT, T0))
                .orElseThrow();
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThat(check(false, d -> d.signInWithRecoveryCode(anna, old.get(0), CLIENT, T0)))
                .isInstanceOf(CodeCheck.Wrong.class);
        assertThat(check(false, d -> d.signInWithRecoveryCode(anna, fresh.get(0), CLIENT, T0)))
                .isInstanceOf(CodeCheck.Accepted.class);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> auditActions() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT action FROM audit_event ORDER BY id")) {
            List<String> actions = new java.util.ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            return actions;
        }
    }
}
