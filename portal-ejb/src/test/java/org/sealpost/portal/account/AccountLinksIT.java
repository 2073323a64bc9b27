package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.OneTimeTokens.Purpose;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.AccountMail;
import org.sealpost.portal.session.SessionRegistry;

/**
 * The registration and reset links against PostgreSQL, without Payara: choosing a password on a
 * registration link activates the PENDING account, a link works once and only until it
 * expires, a forged token or a link of the wrong purpose sets nothing, a link sets the password
 * of its own account only, a refused password leaves the link usable, and a reset ends the
 * account's sessions and revokes its other links.
 */
class AccountLinksIT {

    private static final String CLIENT = "192.0.2.7";
    private static final String PASSWORD = "violet kettle under the bridge";

    private static PortalJpa db;

    private final TestPasswords passwords = new TestPasswords();
    private final LinkRequestThrottle linkRequests = new LinkRequestThrottle();
    private long anna;
    private long bob;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("account_links");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void aPendingAndAnActiveAccount() throws Exception {
        db.execute(
                "TRUNCATE account, audit_event, one_time_token, outbound_mail, portal_session RESTART IDENTITY CASCADE");
        anna = TestAccounts.insert(db, "anna@client.example", "RECIPIENT", "PENDING", null);
        bob = TestAccounts.insert(
                db,
                "bob@client.example",
                "RECIPIENT",
                "ACTIVE",
                passwords.hasher().hash("bobs old password 1907".toCharArray()));
    }

    @Test
    void choosingAPasswordOnTheRegistrationLinkActivatesThePendingAccount() throws Exception {
        String link = mint(anna, Purpose.REGISTER, Duration.ofDays(14), Instant.now());

        LinkOutcome outcome = complete(link, Purpose.REGISTER, PASSWORD, PASSWORD);

        assertThat(outcome).isEqualTo(new LinkOutcome.Done(anna, EmailAddress.of("anna@client.example")));
        assertThat(db.string("SELECT state FROM account WHERE id = " + anna)).isEqualTo("ACTIVE");
        assertThat(passwords
                        .hasher()
                        .verify(
                                PASSWORD.toCharArray(),
                                db.string("SELECT password_hash FROM account WHERE id = " + anna)))
                .isTrue();
        assertThat(db.string("SELECT language FROM account WHERE id = " + anna)).isEqualTo("de");
        assertThat(db.strings("SELECT kind FROM outbound_mail WHERE account_id = " + anna))
                .containsExactly("ACCOUNT_REGISTERED");
        assertThat(db.strings("SELECT action FROM audit_event")).containsExactly(AuditAction.REGISTERED.name());
    }

    @Test
    void aLinkSetsAPasswordOnceAndTheSecondUseIsRefused() throws Exception {
        // A reset link: the account stays ACTIVE, so only the link's being spent refuses it.
        String link = mint(bob, Purpose.RESET_PASSWORD, Duration.ofHours(1), Instant.now());
        assertThat(complete(link, Purpose.RESET_PASSWORD, PASSWORD, PASSWORD)).isInstanceOf(LinkOutcome.Done.class);
        String firstHash = db.string("SELECT password_hash FROM account WHERE id = " + bob);

        LinkOutcome again =
                complete(link, Purpose.RESET_PASSWORD, "another password of my own", "another password of my own");

        assertThat(again).isInstanceOf(LinkOutcome.LinkNotUsable.class);
        assertThat(addressFor(link, Purpose.RESET_PASSWORD)).isEmpty();
        assertThat(db.string("SELECT password_hash FROM account WHERE id = " + bob))
                .isEqualTo(firstHash);
        assertThat(db.strings("SELECT action FROM audit_event ORDER BY id"))
                .containsExactly(AuditAction.PASSWORD_RESET.name(), AuditAction.REGISTRATION_REFUSED.name());
    }

    @Test
    void anExpiredLinkIsNeitherShownNorAcceptedAndTheAccountStaysPending() throws Exception {
        Instant fifteenDaysAgo = Instant.now().minus(Duration.ofDays(15));
        String link = mint(anna, Purpose.REGISTER, Duration.ofDays(14), fifteenDaysAgo);

        assertThat(addressFor(link, Purpose.REGISTER)).isEmpty();
        assertThat(complete(link, Purpose.REGISTER, PASSWORD, PASSWORD)).isInstanceOf(LinkOutcome.LinkNotUsable.class);
        assertThat(db.string("SELECT state FROM account WHERE id = " + anna)).isEqualTo("PENDING");
        assertThat(db.string("SELECT password_hash FROM account WHERE id = " + anna))
                .isNull();
    }

    @Test
    void aForgedTokenOrALinkOfTheOtherPurposeSetsNothing() throws Exception {
        String register = mint(anna, Purpose.REGISTER, Duration.ofDays(14), Instant.now());
        String forged = register.substring(0, register.length() - 1) + (register.endsWith("A") ? "B" : "A");

        assertThat(complete(forged, Purpose.REGISTER, PASSWORD, PASSWORD))
                .isInstanceOf(LinkOutcome.LinkNotUsable.class);
        assertThat(complete("", Purpose.REGISTER, PASSWORD, PASSWORD)).isInstanceOf(LinkOutcome.LinkNotUsable.class);
        assertThat(complete(register, Purpose.RESET_PASSWORD, PASSWORD, PASSWORD))
                .as("a registration link offered as a reset link")
                .isInstanceOf(LinkOutcome.LinkNotUsable.class);

        assertThat(db.string("SELECT state FROM account WHERE id = " + anna)).isEqualTo("PENDING");
        assertThat(db.strings("SELECT action FROM audit_event"))
                .containsOnly(AuditAction.REGISTRATION_REFUSED.name())
                .hasSize(3);
        assertThat(complete(register, Purpose.REGISTER, PASSWORD, PASSWORD))
                .as("the real link, untouched by the refusals")
                .isInstanceOf(LinkOutcome.Done.class);
    }

    @Test
    void aLinkSetsThePasswordOfItsOwnAccountOnlyAndOnlyWhileThatAccountMayUseIt() throws Exception {
        String bobsReset = mint(bob, Purpose.RESET_PASSWORD, Duration.ofHours(1), Instant.now());
        String bobsOldHash = db.string("SELECT password_hash FROM account WHERE id = " + bob);

        assertThat(addressFor(bobsReset, Purpose.RESET_PASSWORD)).contains(EmailAddress.of("bob@client.example"));
        LinkOutcome outcome = complete(bobsReset, Purpose.RESET_PASSWORD, PASSWORD, PASSWORD);

        assertThat(outcome).isEqualTo(new LinkOutcome.Done(bob, EmailAddress.of("bob@client.example")));
        assertThat(db.string("SELECT password_hash FROM account WHERE id = " + bob))
                .isNotEqualTo(bobsOldHash);
        assertThat(db.string("SELECT password_hash FROM account WHERE id = " + anna))
                .isNull();
        assertThat(db.string("SELECT state FROM account WHERE id = " + anna)).isEqualTo("PENDING");

        // A registration link of an account that is ACTIVE by now registers nothing.
        String staleRegistration = mint(bob, Purpose.REGISTER, Duration.ofDays(14), Instant.now());
        assertThat(complete(
                        staleRegistration, Purpose.REGISTER, "yet another password 4711", "yet another password 4711"))
                .isInstanceOf(LinkOutcome.LinkNotUsable.class);
    }

    @Test
    void aRefusedOrMistypedPasswordLeavesTheLinkUsable() throws Exception {
        String link = mint(anna, Purpose.REGISTER, Duration.ofDays(14), Instant.now());

        assertThat(complete(link, Purpose.REGISTER, "short", "short")).isInstanceOf(LinkOutcome.PasswordRefused.class);
        assertThat(complete(link, Purpose.REGISTER, PASSWORD, PASSWORD + "!"))
                .isInstanceOf(LinkOutcome.ConfirmationMismatch.class);
        assertThat(db.string("SELECT state FROM account WHERE id = " + anna)).isEqualTo("PENDING");

        assertThat(complete(link, Purpose.REGISTER, PASSWORD, PASSWORD)).isInstanceOf(LinkOutcome.Done.class);
    }

    @Test
    void aResetEndsTheAccountsSessionsRevokesItsOtherLinksAndQueuesItsNotice() throws Exception {
        db.inTransaction(em -> registry(em).register(bob, CLIENT, "Mozilla/5.0 (X11; Linux x86_64)", Instant.now()));
        String first = mint(bob, Purpose.RESET_PASSWORD, Duration.ofHours(1), Instant.now());
        String second = mint(bob, Purpose.RESET_PASSWORD, Duration.ofHours(1), Instant.now());

        assertThat(complete(second, Purpose.RESET_PASSWORD, PASSWORD, PASSWORD)).isInstanceOf(LinkOutcome.Done.class);

        assertThat(db.strings("SELECT end_reason FROM portal_session WHERE account_id = " + bob))
                .containsExactly("PASSWORD_REPLACED");
        assertThat(complete(first, Purpose.RESET_PASSWORD, "an older link's password", "an older link's password"))
                .isInstanceOf(LinkOutcome.LinkNotUsable.class);
        assertThat(db.strings("SELECT kind FROM outbound_mail WHERE account_id = " + bob))
                .containsExactly("PASSWORD_RESET_DONE");
        assertThat(db.strings("SELECT action FROM audit_event ORDER BY id"))
                .startsWith(AuditAction.PASSWORD_RESET.name());
    }

    @Test
    void aNewLinkIsQueuedForAKnownAccountAndNothingForAnUnknownAddress() throws Exception {
        db.inTransaction(em -> {
            links(em).requestLink("anna@client.example", CLIENT);
            links(em).requestLink("nobody@client.example", CLIENT);
            return null;
        });

        assertThat(db.strings("SELECT kind || ' ' || recipient FROM outbound_mail"))
                .containsExactly("REGISTRATION_LINK anna@client.example");
        assertThat(db.strings("SELECT action FROM audit_event ORDER BY id"))
                .containsExactly(
                        AuditAction.REGISTRATION_LINK_REQUESTED.name(), AuditAction.PASSWORD_RESET_REQUESTED.name());
    }

    private Optional<EmailAddress> addressFor(String token, Purpose purpose) throws Exception {
        return db.<Optional<EmailAddress>>inTransaction(em -> links(em).addressFor(token, purpose));
    }

    private LinkOutcome complete(String token, Purpose purpose, String password, String confirmation) throws Exception {
        return db.inTransaction(em -> links(em)
                .complete(token, purpose, password.toCharArray(), confirmation.toCharArray(), CLIENT, Language.GERMAN));
    }

    /** The service as the container builds it, within the test's transaction. */
    private AccountLinks links(EntityManager em) {
        return new AccountLinks(
                em,
                PortalJpa.dataSourceOf(em),
                passwords,
                new AccountMail(),
                AuditTrail.on(em),
                registry(em),
                linkRequests);
    }

    private static SessionRegistry registry(EntityManager em) {
        return new SessionRegistry(em, new SessionStandings(), Duration.ofMinutes(15), Duration.ofHours(12));
    }

    private static String mint(long account, Purpose purpose, Duration validity, Instant at) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return OneTimeTokens.mint(c, account, purpose, validity, at);
        }
    }
}
