package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.account.OneTimeTokens.Purpose;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.testsupport.TestDatabase;

/** One valid link per purpose, and none after the password is set: against a real PostgreSQL. */
class OneTimeTokensIT {

    private DataSource db;
    private long anna;
    private final Instant now = Instant.now();

    @BeforeEach
    void schemaWithAPendingAccount() throws SQLException {
        db = TestDatabase.server().createDatabase("tokens").dataSource();
        SchemaMigrations.migrate(db);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO account (email, role, state) VALUES ('anna@client.example', 'RECIPIENT', 'PENDING')");
            try (ResultSet rs = s.executeQuery("SELECT id FROM account")) {
                rs.next();
                anna = rs.getLong(1);
            }
        }
    }

    @Test
    void aNewLinkOfAPurposeRevokesTheEarlierOnesOfThatPurposeOnlyOnceItsMailHasGone() throws SQLException {
        try (Connection c = db.getConnection()) {
            String firstNotification = OneTimeTokens.mint(c, anna, Purpose.REGISTER, Duration.ofDays(14), now);
            String reset = OneTimeTokens.mint(c, anna, Purpose.RESET_PASSWORD, Duration.ofHours(1), now);
            long mark = OneTimeTokens.newestId(c, anna);
            String secondNotification =
                    OneTimeTokens.mint(c, anna, Purpose.REGISTER, Duration.ofDays(14), now.plusSeconds(1));
            assertThat(OneTimeTokens.peek(c, firstNotification, Purpose.REGISTER, now.plusSeconds(2)))
                    .as("while the second mail has not gone out")
                    .isPresent();

            assertThat(OneTimeTokens.supersede(c, anna, OneTimeTokens.newestId(c, anna), now.plusSeconds(1)))
                    .as("a mail that minted nothing retires nothing")
                    .isZero();
            assertThat(OneTimeTokens.supersede(c, anna, mark, now.plusSeconds(1)))
                    .isOne();

            assertThat(OneTimeTokens.peek(c, firstNotification, Purpose.REGISTER, now.plusSeconds(2)))
                    .isEmpty();
            assertThat(OneTimeTokens.spend(c, firstNotification, Purpose.REGISTER, now.plusSeconds(2)))
                    .isEmpty();
            assertThat(OneTimeTokens.peek(c, secondNotification, Purpose.REGISTER, now.plusSeconds(2)))
                    .isPresent();
            assertThat(OneTimeTokens.peek(c, reset, Purpose.RESET_PASSWORD, now.plusSeconds(2)))
                    .isPresent();
        }
    }

    @Test
    void settingThePasswordRevokesEveryOpenLink() throws SQLException {
        try (Connection c = db.getConnection()) {
            String register = OneTimeTokens.mint(c, anna, Purpose.REGISTER, Duration.ofDays(14), now);
            String reset = OneTimeTokens.mint(c, anna, Purpose.RESET_PASSWORD, Duration.ofHours(1), now);

            assertThat(OneTimeTokens.revokeAll(c, anna, now.plusSeconds(1))).isEqualTo(2);

            assertThat(OneTimeTokens.peek(c, register, Purpose.REGISTER, now.plusSeconds(2)))
                    .isEmpty();
            assertThat(OneTimeTokens.peek(c, reset, Purpose.RESET_PASSWORD, now.plusSeconds(2)))
                    .isEmpty();
        }
    }

    @Test
    void mintingForAMailFailsAsStorageUnavailableNeverAsSqlException() throws SQLException {
        Connection gone = db.getConnection();
        gone.close();

        assertThatThrownBy(() -> OneTimeTokens.mint(gone, anna, Purpose.REGISTER, Duration.ofDays(14), now))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> OneTimeTokens.supersede(gone, anna, 0, now))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
    }
}
