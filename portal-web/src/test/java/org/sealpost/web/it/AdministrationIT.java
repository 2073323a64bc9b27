package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The administration console in the running portal, as scenarios in order on one deployment:
 * the administrator named in configuration is invited by mail and registers (every later
 * scenario signs in as them); a recipient is refused every admin page and a crafted admin
 * POST with the portal's own 403 page, and the services refuse them too; the permissions
 * round-trip and take effect for a recipient already signed in; a deferred mail is retried
 * and delivered; a locked account is unlocked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdministrationIT {

    private static final String ADMIN = "postmaster@bank.example";
    private static final String PASSWORD = "administrator passphrase of the test";
    private static final List<String> ADMIN_PAGES = List.of(
            "admin/", "admin/index.xhtml", "admin/permissions.xhtml", "admin/accounts.xhtml", "admin/outbound.xhtml");

    /** The WAR plus a servlet that calls an administration service from outside /admin/. */
    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.withTestClasses(AdministrationServiceProbe.class);
    }

    @ArquillianResource
    URL portal;

    private final BridgeClient bridge = BridgeClient.forContainer();
    private final StoredMessages stored = new StoredMessages();

    @Test
    @Order(1)
    void theInvitedAdministratorRegistersAndSeesUndeliveredMailWithItsReason() throws Exception {
        String link = CapturedMail.awaitLink(ADMIN, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        assertThat(CapturedMail.latestTo(ADMIN).orElseThrow()).contains("administrator");

        String stuck = "stuck." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        CapturedMail.stop();
        try (Browser browser = new Browser(portal.toString(), "administration")) {
            bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "s", "b", true), stuck);

            browser.open(link)
                    .type("password", PASSWORD)
                    .type("confirmation", PASSWORD)
                    .click("submit");
            assertThat(browser.text()).contains("Signed in as " + ADMIN);
            browser.click("admin-link");
            assertThat(browser.path()).startsWith("/admin/");
            assertThat(browser.text()).contains("Overview", "Messages received", "Accounts by state", "Search index");
            browser.screenshot("overview");
            assertThat(browser.accessibilityViolations(Set.of("serious", "critical")))
                    .as("overview")
                    .isEmpty();
            browser.click("admin-nav-queue");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // Until the stuck mail's first attempt has failed and its row shows the error: the row
            // appears before that attempt ("Waiting for its first attempt"), and the filter's own
            // "Waiting for a retry" label is on the page either way.
            while (!(browser.text().contains(stuck)
                            && browser.text().toLowerCase(Locale.ROOT).contains("connect"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                browser.open("/admin/outbound.xhtml");
            }
            browser.screenshot("mail-queue");
            assertThat(browser.accessibilityViolations(Set.of("serious", "critical")))
                    .as("mail queue")
                    .isEmpty();
            assertThat(browser.text())
                    .contains(stuck)
                    .contains("Waiting for a retry")
                    .containsIgnoringCase("connect");
        } finally {
            CapturedMail.restart();
        }
    }

    @Test
    @Order(2)
    void aRecipientGetsThePortalsNotAllowedPageOnEveryAdminUrlAndACraftedPostAndTheServicesRefuseThem()
            throws Exception {
        String recipient = Recipients.registered(portal.toString(), bridge, "curious", PASSWORD);
        Map<String, Object> before = policyRow();

        SignInClient client = new SignInClient(portal.toString(), "127.0.0.31", null);
        assertThat(client.signIn(recipient, PASSWORD, Map.of())).isTrue();
        for (String page : ADMIN_PAGES) {
            HttpResponse<String> answer = client.get(page, Map.of());
            assertThat(answer.statusCode()).as(page).isEqualTo(403);
            assertThat(answer.body())
                    .as(page)
                    .contains("Not open to you", "id=\"error-code\">403")
                    .doesNotContain("Portal permissions", "HTTP Status", "Payara");
        }
        // A POST as the permissions form would send it: refused before any bean is reached.
        HttpResponse<String> crafted = client.post(
                "admin/permissions.xhtml",
                Map.of(
                        "permissions",
                        "permissions",
                        "permissions:actions:2:scope",
                        "INTERNAL_AND_EXTERNAL",
                        "permissions:save",
                        "",
                        "jakarta.faces.ViewState",
                        "stateless"));
        assertThat(crafted.statusCode()).isEqualTo(403);
        assertThat(crafted.body()).contains("Not open to you");
        assertThat(policyRow()).isEqualTo(before);
        // Past the URL constraint, the service refuses a recipient itself (@RolesAllowed), and lets the administrator
        // in.
        assertThat(client.get("it/admin-probe", Map.of()).body()).isEqualTo("refused");
        SignInClient admin = new SignInClient(portal.toString(), "127.0.0.32", null);
        assertThat(admin.signIn(ADMIN, PASSWORD, Map.of())).isTrue();
        assertThat(admin.get("it/admin-probe", Map.of()).body()).isEqualTo("allowed");

        try (Browser browser = new Browser(portal.toString(), "forbidden")) {
            signIn(browser, recipient);
            assertThat(browser.driver().findElements(By.id("admin-link"))).isEmpty();
            browser.open("/admin/");
            assertThat(browser.text()).contains("Not open to you").doesNotContain("Overview");
        }
    }

    @Test
    @Order(3)
    void permissionsRoundTripAndForwardAppearsForARecipientAlreadySignedInAndWorks() throws Exception {
        String recipient = Recipients.newAddress("forwarding");
        String subject = "Figures " + UUID.randomUUID().toString().substring(0, 8);
        bridge.sendRaw(
                BridgeClient.message(UUID.randomUUID() + "@bank.example", subject, "The figures.", true), recipient);
        String link = CapturedMail.awaitLink(recipient, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        String colleague = Recipients.newAddress("colleague").replace("@client.example", "@bank.example");

        try (Browser reader = new Browser(portal.toString(), "forward-reader");
                Browser admin = new Browser(portal.toString(), "permissions");
                Browser otherAdmin = new Browser(portal.toString(), "permissions-stale")) {
            Recipients.register(reader, link, recipient, PASSWORD);
            reader.driver().findElement(By.linkText(subject)).click();
            String message = reader.path();

            signIn(admin, ADMIN);
            admin.open("/admin/permissions.xhtml");
            scope(admin, "forward", "DISABLED");
            admin.type("permissions:domains", "bank.example\ncorp.bank.example\nBücher.example")
                    .click("save");
            assertThat(admin.text()).contains("bücher.example (xn--bcher-kva.example)");
            assertThat(admin.find("permissions:domains").getAttribute("value")).contains("bücher.example");
            reader.open(message).find("reply");
            assertThat(reader.driver().findElements(By.cssSelector("[id$='forward']")))
                    .isEmpty();

            // A second administrator opened the page before the next save: theirs is refused.
            signIn(otherAdmin, ADMIN);
            otherAdmin.open("/admin/permissions.xhtml");

            admin.open("/admin/permissions.xhtml");
            scope(admin, "forward", "INTERNAL_ONLY");
            admin.click("save").screenshot("permissions-saved");
            assertThat(admin.text())
                    .contains(
                            "The permissions are saved", "Recipients can forward messages to internal addresses only.");
            assertThat(checked(admin, "forward")).isEqualTo("INTERNAL_ONLY");
            assertThat(admin.accessibilityViolations(Set.of("serious", "critical")))
                    .as("permissions")
                    .isEmpty();

            scope(otherAdmin, "compose", "DISABLED");
            otherAdmin.click("save").screenshot("permissions-stale");
            assertThat(otherAdmin.text()).contains("Someone else changed these permissions");

            // A malformed domain is named, and nothing of the form is saved.
            scope(admin, "reply", "DISABLED");
            admin.type("permissions:domains", "bank.example\nnot a domain").click("save");
            assertThat(admin.text()).contains("\"not a domain\" is not a domain name.", "Nothing was saved.");

            Map<String, Object> row = policyRow();
            assertThat(row)
                    .containsEntry("forward_scope", "INTERNAL_ONLY")
                    .containsEntry("compose_scope", "INTERNAL_ONLY")
                    .containsEntry("reply_scope", "INTERNAL_ONLY")
                    .containsEntry("internal_domains", "bank.example corp.bank.example xn--bcher-kva.example");

            // The reader never signed in again: the next page shows Forward, and a forward goes out.
            reader.open(message);
            reader.click("forward");
            String marker = "fwd-" + UUID.randomUUID().toString().substring(0, 8);
            reader.type("to_input", colleague);
            reader.find("compose:body").sendKeys(marker + "\n");
            reader.click("send").screenshot("forwarded");
            assertThat(reader.text()).contains("Your message is sent.");
            CapturedMail.awaitMail(colleague, marker, Duration.ofSeconds(60));
        } finally {
            // Back to the defaults the other tests expect.
            try (Connection c = stored.connect();
                    var s = c.createStatement()) {
                s.execute("UPDATE portal_policy SET forward_scope = 'DISABLED', reply_scope = 'INTERNAL_ONLY',"
                        + " internal_domains = 'bank.example corp.bank.example', version = version + 1 WHERE id = 1");
            }
        }
        assertThat(audit("POLICY_CHANGED"))
                .anySatisfy(d -> assertThat(d).contains("FORWARD: DISABLED -> INTERNAL_ONLY"));
    }

    @Test
    @Order(4)
    void aDeferredMailIsRetriedNowAndDeliveredOnceTheSmarthostIsBack() throws Exception {
        String recipient = Recipients.newAddress("deferred");
        CapturedMail.stop();
        try {
            bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "s", "b", true), recipient);
            awaitAttempted(recipient, Duration.ofSeconds(60));
            // As if it had failed for hours: its next attempt is a day away.
            try (Connection c = stored.connect();
                    PreparedStatement ps = c.prepareStatement(
                            "UPDATE outbound_mail SET next_attempt_at = now() + interval '1 day' WHERE recipient = ?")) {
                ps.setString(1, recipient);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        } finally {
            CapturedMail.restart();
        }
        Thread.sleep(5_000);
        assertThat(CapturedMail.to(recipient)).as("not retried before its time").isEmpty();

        try (Browser admin = new Browser(portal.toString(), "retry")) {
            signIn(admin, ADMIN);
            admin.open("/admin/outbound.xhtml");
            String retry = admin.driver()
                    .findElement(By.xpath(
                            "//tr[td[normalize-space()='" + recipient + "']]//button[contains(@id, ':retry')]"))
                    .getAttribute("id");
            admin.click(retry).screenshot("retried");
            assertThat(admin.text()).contains("The mail to " + recipient + " is being tried again now.");
        }
        CapturedMail.awaitLink(recipient, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(30));
        assertThat(audit("OUTBOUND_RETRIED")).anySatisfy(d -> assertThat(d).contains(recipient));
    }

    @Test
    @Order(5)
    void anAdministratorUnlocksAnAccountLockedByWrongPasswords() throws Exception {
        String recipient = Recipients.registered(portal.toString(), bridge, "locked", PASSWORD);
        SignInClient owner = new SignInClient(portal.toString(), "127.0.0.33", null);
        for (int i = 0; i < 5; i++) {
            assertThat(owner.signIn(recipient, "not the password " + i, Map.of()))
                    .isFalse();
        }
        assertThat(owner.signIn(recipient, PASSWORD, Map.of())).as("locked").isFalse();

        try (Browser admin = new Browser(portal.toString(), "unlock")) {
            signIn(admin, ADMIN);
            admin.open("/admin/accounts.xhtml").type("find:query", recipient).click("find:search");
            assertThat(admin.find("accounts:list:0:state").getText()).isEqualTo("Locked");
            assertThat(admin.accessibilityViolations(Set.of("serious", "critical")))
                    .as("accounts")
                    .isEmpty();
            admin.click("accounts:list:0:unlock").screenshot("unlocked");
            assertThat(admin.text()).contains(recipient + " is unlocked and can sign in again.");
            assertThat(admin.find("accounts:list:0:state").getText()).isEqualTo("Active");
        }
        assertThat(new SignInClient(portal.toString(), "127.0.0.34", null).signIn(recipient, PASSWORD, Map.of()))
                .isTrue();
        assertThat(audit("ACCOUNT_UNLOCKED")).anySatisfy(d -> assertThat(d).contains(recipient, "LOCKED -> ACTIVE"));
    }

    @Test
    @Order(6)
    void anAdministratorReplacesTheBridgeCertificateAndNewConnectionsGetItWithinSeconds() throws Exception {
        String before = bridge.presentedFingerprint();
        try (Browser browser = new Browser(portal.toString(), "certificate")) {
            signIn(browser, ADMIN);
            browser.open("/admin/certificate.xhtml");
            assertThat(browser.find("fingerprint").getText()).isEqualTo(before);
            assertThat(browser.text()).contains("This replaces the certificate in use at once");

            browser.click("self-signed:submit");
            assertThat(browser.text()).contains("Tick \"Replace the certificate in use\" to confirm.");
            assertThat(browser.find("fingerprint").getText()).isEqualTo(before);

            browser.press("self-signed:confirm").click("self-signed:submit");
            String after = browser.find("fingerprint").getText();
            assertThat(after).isNotEqualTo(before);
            browser.screenshot("certificate-replaced");

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!bridge.presentedFingerprint().equals(after) && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(bridge.presentedFingerprint()).isEqualTo(after);

            browser.click("rollback:submit");
            assertThat(browser.find("fingerprint").getText()).isEqualTo(before);

            // The invitation went to the smarthost over TLS; its protocol and cipher are shown.
            long shown = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!browser.text().contains("Last delivery to the smarthost: TLSv1.") && System.nanoTime() < shown) {
                Thread.sleep(1000);
                browser.open("/admin/certificate.xhtml");
            }
            assertThat(browser.find("last-delivery").getText())
                    .startsWith("Last delivery to the smarthost: TLSv1.")
                    .contains("TLS_");
            assertThat(browser.text()).contains("No trust anchors imported");

            // The overview reads the certificate in use and the audit chain's last check from their owners.
            browser.open("/admin/");
            assertThat(browser.find("bridge-certificate-expiry").getText())
                    .isNotBlank()
                    .doesNotContain("No certificate")
                    .containsPattern("\\(\\d+ days left\\)");
            assertThat(browser.find("audit-chain-check").getText()).isNotBlank();
        }
    }

    private static void signIn(Browser browser, String address) {
        browser.open("/login.xhtml")
                .type("email", address)
                .type("password", PASSWORD)
                .click("submit");
        assertThat(browser.text()).contains("Signed in as " + address);
    }

    /** Index of each action's row on the permissions page, in {@code PortalAction} order. */
    private static int row(String action) {
        return List.of("reply", "reply-all", "forward", "compose", "attach").indexOf(action);
    }

    private static void scope(Browser browser, String action, String scope) {
        browser.driver()
                .findElement(By.cssSelector(
                        "input[name='permissions:actions:" + row(action) + ":scope'][value='" + scope + "']"))
                .click();
    }

    private static String checked(Browser browser, String action) {
        return browser.driver()
                .findElement(By.cssSelector("input[name='permissions:actions:" + row(action) + ":scope']:checked"))
                .getAttribute("value");
    }

    private Map<String, Object> policyRow() throws Exception {
        try (Connection c = stored.connect();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT reply_scope, forward_scope, compose_scope, internal_domains, version FROM portal_policy")) {
            if (!rs.next()) {
                return Map.of();
            }
            return Map.of(
                    "reply_scope",
                    rs.getString(1),
                    "forward_scope",
                    rs.getString(2),
                    "compose_scope",
                    rs.getString(3),
                    "internal_domains",
                    rs.getString(4),
                    "version",
                    rs.getInt(5));
        }
    }

    private List<String> audit(String action) throws Exception {
        try (Connection c = stored.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT coalesce(detail, '') FROM audit_event WHERE action = ? AND actor = ? ORDER BY id")) {
            ps.setString(1, action);
            ps.setString(2, ADMIN);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> details = new java.util.ArrayList<>();
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
                return details;
            }
        }
    }

    private void awaitAttempted(String recipient, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = stored.connect();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT count(*) FROM outbound_mail WHERE recipient = ? AND state = 'QUEUED' AND attempts > 0")) {
                ps.setString(1, recipient);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the mail to " + recipient + " was not tried within " + patience);
    }
}
