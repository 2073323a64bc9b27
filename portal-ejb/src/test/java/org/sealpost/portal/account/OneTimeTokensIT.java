package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.OneTimeTokens.Purpose;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * One valid link per purpose, and none after the password is set: against a real PostgreSQL.
 * Minting and the look-ups are SQL on the transaction's connection, spending and retiring JPQL
 * on its entity manager, as the delivery and the account flows run them: one transaction.
 */
class OneTimeTokensIT {

    private PortalJpa db;
    private long anna;
    private final Instant now = Instant.now();

    @BeforeEach
    void schemaWithAPendingAccount() throws SQLException {
        db = PortalJpa.create("tokens");
        db.execute("INSERT INTO account (email, role, state) VALUES ('anna@client.example', 'RECIPIENT', 'PENDING')");
        anna = Long.parseLong(db.string("SELECT id FROM account"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewLinkOfAPurposeRevokesTheEarlierOnesOfThatPurposeOnlyOnceItsMailHasGone() throws Exception {
        db.inTransaction(em -> {
            Connection c = PortalJpa.connectionOf(em);
            String firstNotification = OneTimeTokens.mint(c, anna, Purpose.REGISTER, Duration.ofDays(14), now);
            String reset = OneTimeTokens.mint(c, anna, Purpose.RESET_PASSWORD, Duration.ofHours(1), now);
            long mark = OneTimeTokens.newestId(em, anna);
            String secondNotification =
                    OneTimeTokens.mint(c, anna, Purpose.REGISTER, Duration.ofDays(14), now.plusSeconds(1));
            assertThat(OneTimeTokens.peek(c, firstNotification, Purpose.REGISTER, now.plusSeconds(2)))
                    .as("while the second mail has not gone out")
                    .isPresent();

            assertThat(OneTimeTokens.supersede(em, anna, OneTimeTokens.newestId(em, anna), now.plusSeconds(1)))
                    .as("a mail that minted nothing retires nothing")
                    .isZero();
            assertThat(OneTimeTokens.supersede(em, anna, mark, now.plusSeconds(1)))
                    .isOne();

            assertThat(OneTimeTokens.peek(c, firstNotification, Purpose.REGISTER, now.plusSeconds(2)))
                    .isEmpty();
            assertThat(OneTimeTokens.spend(em, firstNotification, Purpose.REGISTER, now.plusSeconds(2)))
                    .isEmpty();
            assertThat(OneTimeTokens.peek(c, secondNotification, Purpose.REGISTER, now.plusSeconds(2)))
                    .isPresent();
            assertThat(OneTimeTokens.peek(c, reset, Purpose.RESET_PASSWORD, now.plusSeconds(2)))
                    .isPresent();
            return null;
        });
    }

    @Test
    void aSpentLinkIsSpentOnceAndCountsAsNeitherOpenNorRevoked() throws Exception {
        String register = db.inTransaction(
                em -> OneTimeTokens.mint(PortalJpa.connectionOf(em), anna, Purpose.REGISTER, Duration.ofDays(14), now));

        assertThat(db.<Optional<OneTimeTokens.Redeemable>>inTransaction(
                        em -> OneTimeTokens.spend(em, register, Purpose.REGISTER, now.plusSeconds(1))))
                .hasValueSatisfying(r -> assertThat(r.accountId()).isEqualTo(anna));
        assertThat(db.<Optional<OneTimeTokens.Redeemable>>inTransaction(
                        em -> OneTimeTokens.spend(em, register, Purpose.REGISTER, now.plusSeconds(2))))
                .as("a second submit of the same form")
                .isEmpty();
        assertThat(db.<Integer>inTransaction(em -> OneTimeTokens.revokeAll(em, anna, now.plusSeconds(3))))
                .as("a spent link is not open any more")
                .isZero();
        assertThat(db.string("SELECT (used_at IS NOT NULL) || ' ' || (revoked_at IS NULL) FROM one_time_token"))
                .isEqualTo("true true");
    }

    @Test
    void settingThePasswordRevokesEveryOpenLink() throws Exception {
        db.inTransaction(em -> {
            Connection c = PortalJpa.connectionOf(em);
            String register = OneTimeTokens.mint(c, anna, Purpose.REGISTER, Duration.ofDays(14), now);
            String reset = OneTimeTokens.mint(c, anna, Purpose.RESET_PASSWORD, Duration.ofHours(1), now);

            assertThat(OneTimeTokens.revokeAll(em, anna, now.plusSeconds(1))).isEqualTo(2);

            assertThat(OneTimeTokens.peek(c, register, Purpose.REGISTER, now.plusSeconds(2)))
                    .isEmpty();
            assertThat(OneTimeTokens.peek(c, reset, Purpose.RESET_PASSWORD, now.plusSeconds(2)))
                    .isEmpty();
            return null;
        });
    }

    @Test
    void mintingForAMailFailsAsStorageUnavailableNeverAsSqlException() throws SQLException {
        Connection gone = db.dataSource().getConnection();
        gone.close();

        assertThatThrownBy(() -> OneTimeTokens.mint(gone, anna, Purpose.REGISTER, Duration.ofDays(14), now))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
        EntityManager outsideATransaction = db.entityManagerFactory().createEntityManager();
        try {
            assertThatThrownBy(() -> OneTimeTokens.supersede(outsideATransaction, anna, 0, now))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasCauseInstanceOf(PersistenceException.class);
        } finally {
            outsideATransaction.close();
        }
    }
}
