package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.portal.session.AccountStandings;

/**
 * The owner of table {@code account} against PostgreSQL: what the per-request session check
 * asks of it, and the address lookup every flow uses.
 */
class AccountDirectoryIT {

    private static PortalJpa db;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("account_directory");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE account RESTART IDENTITY CASCADE");
        }
    }

    @Test
    void theSessionStandingOfAnAccountIsItsStateAndTheInstantItsSessionsWereEnded() throws Exception {
        Instant ended = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long anna = db.inTransaction(em -> {
            Account a = AccountDirectory.byEmail(em, EmailAddress.of("anna@client.example"))
                    .orElseGet(() -> {
                        Account pending = Account.pendingRecipient(EmailAddress.of("anna@client.example"));
                        em.persist(pending);
                        return pending;
                    });
            a.register("$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$" + "A".repeat(43), ended);
            em.flush();
            return a.id();
        });

        Optional<AccountStandings.Standing> standing =
                db.inTransaction(em -> AccountDirectory.sessionStanding(em, anna));

        assertThat(standing).contains(new AccountStandings.Standing(true, ended));
        assertThat(standing.get().active()).isTrue();
    }

    @Test
    void aPendingAccountHasNoSessionsEndedYetAndAGoneAccountHasNoStanding() throws Exception {
        long bert = db.inTransaction(em -> {
            Account pending = Account.pendingRecipient(EmailAddress.of("bert@client.example"));
            em.persist(pending);
            em.flush();
            return pending.id();
        });

        Optional<AccountStandings.Standing> pending =
                db.inTransaction(em -> AccountDirectory.sessionStanding(em, bert));
        Optional<AccountStandings.Standing> gone =
                db.inTransaction(em -> AccountDirectory.sessionStanding(em, bert + 1000));

        assertThat(pending).contains(new AccountStandings.Standing(false, null));
        assertThat(gone).isEmpty();
    }

    @Test
    void theAddressLookupFindsTheAccountByItsFoldedAddress() throws Exception {
        db.inTransaction(em -> {
            em.persist(Account.pendingRecipient(EmailAddress.of("Carl@Client.example")));
            return null;
        });

        Optional<EmailAddress> found =
                db.inTransaction(em -> AccountDirectory.byEmail(em, EmailAddress.of("carl@client.EXAMPLE"))
                        .map(Account::email));

        assertThat(found).contains(EmailAddress.of("carl@client.example"));
    }

    @Test
    void theIntakesAndTheMailsStatementsFailAsStorageUnavailableNeverAsSqlException() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            // A queued mail whose account is gone stays queued: the composer meets storage trouble.
            assertThatThrownBy(() -> AccountDirectory.mailProfile(c, 4711))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasRootCauseMessage("account 4711 of a queued mail is gone");
        }
        Connection gone = db.dataSource().getConnection();
        gone.close();
        assertThatThrownBy(() -> AccountDirectory.pendingRecipientId(gone, EmailAddress.of("anna@client.example")))
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(SQLException.class);
    }
}
