package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The second factor in the browser (issue 12, ADR 0013), in order: an administrator invited
 * from configuration enrols an authenticator at the first sign-in (offered in development)
 * by reading the key from the page as someone who cannot scan would, then signs in with a
 * code, is refused the same code again, and uses a recovery code once but not twice; a
 * half-signed-in session reaches no protected page, not even by a crafted request; a recipient
 * turns it on from the account page and off again.
 *
 * <p>Codes are computed here with the same library the portal uses, from the key the page
 * shows. One code per 30-second step: where a scenario needs a fresh code it waits for the
 * next step.
 */
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondFactorIT extends PortalClientTest {

    /** The second administrator in arquillian.xml's SEALPOST_ADMIN_EMAILS; AdministrationIT has the first. */
    private static final String ADMIN = "security@bank.example";

    private static final String PASSWORD = "second factor administrator passphrase";

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static byte[] adminSecret;
    private static List<String> adminRecoveryCodes;
    private static final Map<String, Long> LAST_USED_STEP = new HashMap<>();

    private final StoredMessages store = new StoredMessages();

    @Test
    @Order(1)
    void theAdministratorIsOfferedAnAuthenticatorAtFirstSignInAndEnrolsWithTheKeyShownAsText() throws Exception {
        String link = CapturedMail.awaitLink(ADMIN, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        try (Browser browser = new Browser(portal.toString(), "second-factor-enrol")) {
            browser.open(link)
                    .type("password", PASSWORD)
                    .type("confirmation", PASSWORD)
                    .click("submit");
            assertThat(browser.path()).startsWith("/account/authenticator.xhtml");
            assertThat(browser.text()).contains("Set up an authenticator app", "Skip for now", "Signed in as " + ADMIN);
            assertThat(browser.driver().findElements(By.cssSelector("svg.qr-code path")))
                    .hasSize(1);
            String key = browser.find("secret-key").getText();
            assertThat(key).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
            browser.screenshot("enrolment");
            adminSecret = new Base32().decode(key.replace(" ", ""));
            assertThat(browser.accessibilityViolations(BLOCKING))
                    .as("axe-core on the enrolment page")
                    .isEmpty();

            browser.type("confirmation-code", "000000".equals(code(adminSecret, stepNow())) ? "111111" : "000000")
                    .click("confirm");
            assertThat(browser.text()).contains("That code is not right");

            browser.type("confirmation-code", freshCode(ADMIN, adminSecret)).click("confirm");
            List<WebElement> codes = browser.driver().findElements(By.cssSelector("#recovery-codes li"));
            assertThat(codes).hasSize(10);
            adminRecoveryCodes = codes.stream().map(WebElement::getText).toList();
            assertThat(adminRecoveryCodes).allMatch(c -> c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
            browser.screenshot("recovery-codes");
            browser.click("continue");
            assertThat(browser.path()).startsWith("/inbox.xhtml");
        }
        // Sealed: neither the key nor its bytes are anywhere in the row as the database holds it.
        try (Connection c = store.connect();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT f::text, f.confirmed_at IS NOT NULL FROM second_factor f JOIN account a ON a.id = f.account_id
                WHERE a.email = '""" + ADMIN + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1))
                    .doesNotContain(new Base32().encodeAsString(adminSecret).replace("=", ""))
                    .doesNotContain(hex(adminSecret));
            assertThat(rs.getBoolean(2)).isTrue();
        }
        assertThat(store.count(
                        "SELECT count(*) FROM recovery_code r JOIN account a ON a.id = r.account_id WHERE a.email = ?",
                        ADMIN))
                .isEqualTo(10);
        assertThat(store.count(
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'SECOND_FACTOR_ENROLLED'",
                        ADMIN))
                .isOne();
    }

    @Test
    @Order(2)
    void aHalfSignedInSessionReachesNoProtectedPageNotEvenByACraftedRequest() throws Exception {
        SignInClient client = new SignInClient(portal.toString(), "127.0.0.42", null);
        Map<String, String> fields = new HashMap<>();
        fields.put("signin:email", ADMIN);
        fields.put("signin:password", PASSWORD);
        fields.put("signin:submit", "");
        HttpResponse<String> answer = client.submit("login.xhtml", "signin", fields, Map.of());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/sign-in/code.xhtml");

        for (String page : List.of(
                "inbox.xhtml",
                "account/settings.xhtml",
                "account/authenticator.xhtml",
                "admin/outbound.xhtml",
                "message.xhtml?id=1",
                "attachment?entry=1&part=1")) {
            HttpResponse<String> shown = client.get(page, Map.of());
            assertThat(shown.statusCode()).as(page).isEqualTo(302);
            assertThat(shown.headers().firstValue("Location").orElseThrow())
                    .as(page)
                    .contains("/sign-in/code.xhtml");
        }
        // A crafted form post to a protected page gets the same answer before any bean runs.
        HttpResponse<String> posted = client.post(
                "account/settings.xhtml", Map.of("everywhere", "everywhere", "everywhere:signout-everywhere", ""));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("/sign-in/code.xhtml");
        // The enrolment page of a sign-in is for an administrator who has none yet: not this one.
        assertThat(client.get("sign-in/authenticator.xhtml", Map.of()).body()).doesNotContain("secret-key");
        assertThat(store.count(
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'SIGN_IN_AWAITS_SECOND_FACTOR'",
                        ADMIN))
                .isPositive();
    }

    @Test
    @Order(3)
    void theAdministratorSignsInWithACodeAndTheSameCodeIsRefusedTheSecondTime() throws Exception {
        try (Browser browser = new Browser(portal.toString(), "second-factor-code")) {
            passwordStep(browser, ADMIN);
            assertThat(browser.text())
                    .contains("Authentication code", "Use a recovery code")
                    .doesNotContain("Signed in as");
            browser.screenshot("code-step");
            assertThat(browser.accessibilityViolations(BLOCKING))
                    .as("axe-core on the code page")
                    .isEmpty();
            String code = freshCode(ADMIN, adminSecret);
            browser.type("authentication-code", code).click("verify");
            assertThat(browser.path()).startsWith("/inbox.xhtml");
            assertThat(browser.text()).contains("Signed in as " + ADMIN);
            browser.click("signout:submit");

            passwordStep(browser, ADMIN);
            browser.type("authentication-code", code).click("verify");
            assertThat(browser.path()).startsWith("/sign-in/code.xhtml");
            assertThat(browser.text()).contains("That code was already used").doesNotContain("Signed in as");
            browser.screenshot("code-replayed");
        }
        assertThat(store.count(
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'SECOND_FACTOR_REPLAYED'",
                        ADMIN))
                .isOne();
    }

    @Test
    @Order(4)
    void aRecoveryCodeSignsInOnceButNotTwice() throws Exception {
        String recovery = adminRecoveryCodes.get(0);
        try (Browser browser = new Browser(portal.toString(), "second-factor-recovery")) {
            passwordStep(browser, ADMIN);
            browser.click("recovery-instead");
            assertThat(browser.text()).contains("Recovery code");
            browser.type("recovery-code", recovery.toUpperCase(Locale.ROOT)).click("use");
            assertThat(browser.path()).startsWith("/inbox.xhtml");
            assertThat(browser.text()).contains("Signed in as " + ADMIN, "Recovery codes left: 9");
            browser.click("signout:submit");

            passwordStep(browser, ADMIN);
            browser.click("recovery-instead");
            browser.type("recovery-code", recovery).click("use");
            assertThat(browser.path()).startsWith("/sign-in/code.xhtml");
            assertThat(browser.text())
                    .contains("That recovery code is not right, or it was already used")
                    .doesNotContain("Signed in as");
            browser.screenshot("recovery-code-spent");
        }
        assertThat(store.count(
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'RECOVERY_CODE_USED'", ADMIN))
                .isOne();
    }

    @Test
    @Order(5)
    void aRecipientTurnsItOnFromTheAccountPageNeedsACodeThenAndTurnsItOffWithThePassword() throws Exception {
        String recipient = Recipients.newAddress("second-factor");
        String link = Recipients.firstMessageAndLink(bridge, recipient, "s");
        try (Browser browser = new Browser(portal.toString(), "second-factor-recipient")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            assertThat(browser.path()).startsWith("/inbox.xhtml");
            browser.click("nav-account");
            assertThat(browser.text()).contains("Two-step sign-in", "Off.");
            browser.click("authenticator-turn-on");
            assertThat(browser.text()).contains("Set up an authenticator app").doesNotContain("Skip for now");
            byte[] secret =
                    new Base32().decode(browser.find("secret-key").getText().replace(" ", ""));
            browser.type("confirmation-code", freshCode(recipient, secret)).click("confirm");
            assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li")))
                    .hasSize(10);
            browser.click("continue");
            assertThat(browser.path()).startsWith("/account/settings.xhtml");
            assertThat(browser.text()).contains("On: signing in asks for a code", "Recovery codes left: 10");
            browser.screenshot("recipient-on");
            browser.click("signout:submit");

            passwordStep(browser, recipient);
            assertThat(browser.path()).startsWith("/sign-in/code.xhtml");
            String right = freshCode(recipient, secret);
            browser.type("authentication-code", right.equals("123456") ? "654321" : "123456")
                    .click("verify");
            assertThat(browser.text()).contains("That code is not right");
            browser.type("authentication-code", right).click("verify");
            assertThat(browser.text()).contains("Signed in as " + recipient);

            browser.click("nav-account");
            // The wrong code is on the owner's list of recent sign-ins: someone knew the password.
            assertThat(browser.find("sign-ins").getText()).contains("Right password, wrong code");
            browser.type("proof", "not the password").click("turn-off");
            assertThat(browser.text()).contains("neither a current code from your app nor your password", "On:");
            browser.type("proof", PASSWORD).click("turn-off");
            assertThat(browser.text()).contains("Two-step sign-in is off", "Off.");
            browser.click("signout:submit");

            passwordStep(browser, recipient);
            assertThat(browser.path()).startsWith("/inbox.xhtml");
        }
        assertThat(store.count(
                        "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'SECOND_FACTOR_DISABLED'",
                        recipient))
                .isOne();
    }

    private static void passwordStep(Browser browser, String address) {
        browser.open("/login.xhtml")
                .type("email", address)
                .type("password", PASSWORD)
                .click("submit");
    }

    private static long stepNow() {
        return Instant.now().getEpochSecond() / 30;
    }

    /**
     * A code of a time step this account has not used yet: the current one, or, when that was
     * used already, the next one once it begins.
     */
    private static String freshCode(String account, byte[] secret) throws InterruptedException {
        long step = stepNow();
        Long used = LAST_USED_STEP.get(account);
        if (used != null && step <= used) {
            long wait = (used + 1) * 30_000 - System.currentTimeMillis() + 500;
            Thread.sleep(Math.max(0, wait));
            step = stepNow();
        }
        LAST_USED_STEP.put(account, step);
        return code(secret, step);
    }

    private static String code(byte[] secret, long step) {
        try {
            return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6)
                    .generateOneTimePasswordString(
                            new SecretKeySpec(secret, "RAW"), Instant.ofEpochSecond(step * 30), Locale.ROOT);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
