package org.sealpost.portal.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.ClientThrottle;
import org.sealpost.portal.account.SignInPolicy;
import org.sealpost.portal.account.password.Argon2Settings;
import org.sealpost.portal.account.password.PasswordHasher;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.TestOperatorContext;

/** {@code ./sealpost second-factor status|remove <address>} on a real PostgreSQL. */
class SecondFactorCommandIT {

    @TempDir
    static Path keys;

    private static PortalJpa db;
    private static MessageSealer sealer;
    private TestOperatorContext operator;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("second_factor_command");
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(keys.resolve("kek.p12"), "pw".toCharArray()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void removeDeletesTheAuthenticatorAndItsRecoveryCodesAuditedAsTheOperatorAndBadInputChangesNothing()
            throws Exception {
        long anna;
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE account, audit_event, second_factor, recovery_code RESTART IDENTITY CASCADE");
            ResultSet rs = s.executeQuery("""
                    INSERT INTO account (email, role, state, password_hash)
                    VALUES ('anna@client.example', 'RECIPIENT', 'ACTIVE', 'x') RETURNING id""");
            rs.next();
            anna = rs.getLong(1);
        }
        Instant now = Instant.now();
        db.inTransaction(em -> {
            SecondFactorDesk desk = new SecondFactorDesk(
                    em,
                    sealer,
                    new PasswordHasher(new Argon2Settings(8, 1, 1)),
                    new ClientThrottle(),
                    SignInPolicy.DEFAULT,
                    false,
                    new SecureRandom());
            byte[] secret = new Base32()
                    .decode(desk.startEnrolment(anna, "Bank", now)
                            .orElseThrow()
                            .secretText()
                            .replace(" ", ""));
            return desk.confirmEnrolment(anna, new TotpCodes().codeAt(secret, TotpCodes.stepAt(now)), false, "c", now);
        });
        OperatorCommand command = new SecondFactorCommand();

        assertThat(command.run(List.of("status", "anna@client.example"), context()))
                .isEqualTo(OperatorCommand.OK);
        assertThat(context().printed()).contains("authenticator on, 10 recovery codes left");
        assertThat(command.run(List.of("remove", "nobody@client.example"), context()))
                .isEqualTo(OperatorCommand.REFUSED);
        assertThat(context().complained()).contains("no account has the address nobody@client.example");
        assertThat(command.run(List.of("remove", "not an address"), context())).isEqualTo(OperatorCommand.USAGE);
        assertThat(command.run(List.of("wipe", "anna@client.example"), context()))
                .isEqualTo(OperatorCommand.USAGE);
        assertThat(count("SELECT count(*) FROM second_factor")).isOne();

        assertThat(command.run(List.of("remove", "anna@client.example"), context()))
                .isEqualTo(OperatorCommand.OK);
        assertThat(count("SELECT count(*) FROM second_factor")).isZero();
        assertThat(count("SELECT count(*) FROM recovery_code")).isZero();
        assertThat(count("""
                SELECT count(*) FROM audit_event
                WHERE action = 'SECOND_FACTOR_DISABLED' AND actor = 'operator:test'""")).isOne();
        assertThat(command.run(List.of("remove", "anna@client.example"), context()))
                .isEqualTo(OperatorCommand.REFUSED);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private TestOperatorContext context() {
        if (operator == null) {
            operator = new TestOperatorContext(db, keys);
        }
        return operator;
    }
}
