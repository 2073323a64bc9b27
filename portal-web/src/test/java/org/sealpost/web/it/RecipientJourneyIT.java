package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The recipient's story in a real browser: secure mail arrives over the bridge, the
 * notification reaches the smarthost over TLS, its link registers the recipient, who lands in
 * the inbox, signs out and signs in again; and the account rules around it (lockout, links
 * spent only on submit, password reset ending other sessions).
 */
@RunAsClient
class RecipientJourneyIT extends PortalClientTest {

    private static final String REGISTRATION_LINK = Recipients.REGISTRATION_LINK;
    private static final String RESET_LINK = "https?://[^/\\s]+(/reset\\.xhtml\\?token=[A-Za-z0-9_-]{43})";
    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aNewRecipientRegistersFromTheNotificationLandsInTheInboxSignsOutAndSignsInAgain() throws Exception {
        String recipient = newRecipient("journey");
        bridge.sendRaw(
                BridgeClient.message(
                        UUID.randomUUID() + "@bank.example", "Your mortgage offer", "Details inside.", true),
                recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        assertThat(CapturedMail.latestTo(recipient).orElseThrow())
                .contains("Erika Advisor")
                .doesNotContain("Details inside.")
                .doesNotContain("Your mortgage offer");

        try (Browser browser = new Browser(portal.toString(), "journey")) {
            browser.open(link).screenshot("register");
            assertThat(browser.text()).contains("Choose a password for " + recipient);

            browser.type("password", PASSWORD)
                    .type("confirmation", PASSWORD)
                    .click("submit")
                    .screenshot("inbox");
            assertThat(browser.path()).startsWith("/inbox.xhtml");
            assertThat(browser.text())
                    .contains("Signed in as " + recipient)
                    .contains("Your mortgage offer")
                    .contains("One unread message");

            browser.click("submit").screenshot("signed-out");
            assertThat(browser.text()).contains("You are signed out");
            browser.open("/inbox.xhtml");
            assertThat(browser.path()).startsWith("/login.xhtml");

            String before = browser.sessionCookie();
            browser.type("email", recipient)
                    .type("password", PASSWORD)
                    .click("submit")
                    .screenshot("signed-in");
            assertThat(browser.text()).contains("Signed in as " + recipient);
            assertThat(browser.sessionCookie())
                    .as("session id renewed at sign-in")
                    .isNotEqualTo(before);
            assertThat(browser.cookie("JSESSIONID").isHttpOnly()).isTrue();
            assertThat(browser.cookie("JSESSIONID").getSameSite()).isEqualTo("Strict");
        }
        assertThat(auditedActions(recipient)).containsSubsequence("REGISTERED", "SIGNED_IN", "SIGNED_OUT", "SIGNED_IN");
    }

    /** What the audit trail recorded for the address, oldest first; every row has its client address. */
    private static java.util.List<String> auditedActions(String address) throws Exception {
        java.util.List<String> actions = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        System.getProperty("sealpost.it.db.url"),
                        System.getProperty("sealpost.it.db.user"),
                        System.getProperty("sealpost.it.db.password"));
                PreparedStatement ps = c.prepareStatement(
                        "SELECT action, client_address FROM audit_event WHERE actor = ? ORDER BY id")) {
            ps.setString(1, address);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(2))
                            .as("client address of " + rs.getString(1))
                            .isNotBlank();
                    actions.add(rs.getString(1));
                }
            }
        }
        return actions;
    }

    @Test
    void openingTheLinkDoesNotSpendItSubmittingDoesAndASecondSubmitIsRefused() throws Exception {
        String recipient = newRecipient("once");
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "s", "b", true), recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser scanner = new Browser(portal.toString(), "scanner");
                Browser owner = new Browser(portal.toString(), "once")) {
            // A mail scanner follows the link first; the owner's form must still work.
            scanner.open(link);
            owner.open(link);
            assertThat(owner.text()).contains("Choose a password for " + recipient);
            scanner.type("password", "a different long passphrase").type("confirmation", "a different long passphrase");

            owner.type("password", PASSWORD).type("confirmation", PASSWORD).click("submit");
            assertThat(owner.text()).contains("Signed in as " + recipient);

            scanner.click("submit").screenshot("second-submit");
            assertThat(scanner.text()).contains("This link cannot be used any more");
            scanner.open(link);
            assertThat(scanner.text()).contains("This link cannot be used any more");
        }
    }

    @Test
    void anExpiredLinkShowsAClearPageThatOffersANewOneAndTheNewOneWorks() throws Exception {
        String recipient = newRecipient("expired");
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "s", "b", true), recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        sql(
                "UPDATE one_time_token SET expires_at = now() - interval '1 minute' WHERE account_id = "
                        + "(SELECT id FROM account WHERE email = ?)",
                recipient);

        try (Browser browser = new Browser(portal.toString(), "expired")) {
            browser.open(link).screenshot("expired");
            assertThat(browser.text()).contains("This link cannot be used any more");
            int mailsBefore = CapturedMail.to(recipient).size();

            browser.type("address", recipient).click("send");
            assertThat(browser.text()).contains("If an account exists for that address");

            String fresh = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, mailsBefore, Duration.ofSeconds(60));
            browser.open(fresh);
            assertThat(browser.text()).contains("Choose a password for " + recipient);
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheRefusalReadsLikeThatOfAnUnknownAddress() throws Exception {
        String recipient = registeredRecipient("lockout");

        try (Browser browser = new Browser(portal.toString(), "lockout")) {
            browser.open("/login.xhtml")
                    .type("email", "nobody-" + UUID.randomUUID() + "@client.example")
                    .type("password", PASSWORD)
                    .click("submit");
            String unknownAnswer = browser.find("messages").getText();

            for (int i = 0; i < 5; i++) {
                browser.open("/login.xhtml")
                        .type("email", recipient)
                        .type("password", "wrong password " + i)
                        .click("submit");
                assertThat(browser.find("messages").getText()).isEqualTo(unknownAnswer);
            }
            browser.open("/login.xhtml")
                    .type("email", recipient)
                    .type("password", PASSWORD)
                    .click("submit")
                    .screenshot("locked");

            assertThat(browser.path()).startsWith("/login.xhtml");
            assertThat(browser.find("messages").getText()).isEqualTo(unknownAnswer);
        }
        assertThat(auditedActions(recipient))
                .containsSubsequence(
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED",
                        "SIGN_IN_FAILED");
    }

    @Test
    void aPasswordResetByMailWorksAndEndsTheSessionsSignedInBeforeIt() throws Exception {
        String recipient = registeredRecipient("reset");
        String newPassword = "a brand new passphrase for the reset";

        try (Browser elsewhere = new Browser(portal.toString(), "reset-other");
                Browser browser = new Browser(portal.toString(), "reset")) {
            elsewhere
                    .open("/login.xhtml")
                    .type("email", recipient)
                    .type("password", PASSWORD)
                    .click("submit");
            assertThat(elsewhere.text()).contains("Signed in as " + recipient);

            int mailsBefore = CapturedMail.to(recipient).size();
            browser.open("/forgot.xhtml").type("email", recipient).click("send");
            assertThat(browser.text()).contains("If an account exists for that address");
            String link = CapturedMail.awaitLink(recipient, RESET_LINK, mailsBefore, Duration.ofSeconds(60));

            browser.open(link)
                    .type("password", newPassword)
                    .type("confirmation", newPassword)
                    .click("submit")
                    .screenshot("reset-done");
            assertThat(browser.text()).contains("Your password is changed");

            elsewhere.open("/inbox.xhtml");
            assertThat(elsewhere.path()).startsWith("/login.xhtml");

            browser.type("email", recipient).type("password", PASSWORD).click("submit");
            assertThat(browser.path()).startsWith("/login.xhtml");
            browser.type("email", recipient).type("password", newPassword).click("submit");
            assertThat(browser.text()).contains("Signed in as " + recipient);
        }
    }

    /** A recipient who received a message and registered through its link. */
    private String registeredRecipient(String purpose) throws Exception {
        return Recipients.registered(portal.toString(), bridge, purpose, PASSWORD);
    }

    private static String newRecipient(String purpose) {
        return Recipients.newAddress(purpose);
    }

    private static void sql(String statement, Object... args) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        System.getProperty("sealpost.it.db.url"),
                        System.getProperty("sealpost.it.db.user"),
                        System.getProperty("sealpost.it.db.password"));
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
