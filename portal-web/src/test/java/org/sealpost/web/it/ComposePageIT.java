package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.sealpost.bridge.InboundMessage;

/**
 * Writing in a real browser, as the portal policy allows it: a reply to bridged mail reaches
 * the smarthost over TLS, threaded; what the policy turns off is neither offered nor accepted;
 * an external address needs an internal one beside it and gets only a notification; an upload
 * over the limit is refused with the limit named; a draft outlives the session.
 *
 * <p>The container starts with the default policy (reply, reply all, compose and attach
 * internal; forward off) and {@code bank.example, corp.bank.example} internal. A test that needs
 * another policy changes the stored row ({@code portal_policy}, read on every request) and puts
 * it back afterwards.
 */
@RunAsClient
class ComposePageIT extends PortalClientTest {

    private static final String PASSWORD = "compose test passphrase";
    private static final String ADVISOR = "advisor@bank.example";

    private final StoredMessages stored = new StoredMessages();

    @Test
    void aReplyToBridgedMailReachesTheSmarthostOverTlsThreadedUnderTheOriginalsMessageId() throws Exception {
        String recipient = Recipients.newAddress("replier");
        String messageId = UUID.randomUUID() + "@bank.example";
        String subject = "Mortgage offer " + shortId();
        bridge.sendRaw(BridgeClient.message(messageId, subject, "Please sign the offer.", true), recipient);
        String link = CapturedMail.awaitLink(recipient, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        String marker = "signed-" + shortId();

        try (Browser browser = new Browser(portal.toString(), "compose-reply")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            browser.driver().findElement(By.linkText(subject)).click();
            browser.find("reply");
            assertThat(browser.driver().findElements(By.cssSelector("[id$='forward']")))
                    .as("forward is off by default")
                    .isEmpty();

            browser.click("reply").screenshot("reply-opened");
            assertThat(browser.path()).startsWith("/compose.xhtml?reply=");
            assertThat(value(browser, "to_input")).contains(ADVISOR);
            assertThat(value(browser, "compose:subject")).isEqualTo("Re: " + subject);
            assertThat(value(browser, "compose:body")).contains("> Please sign the offer.");
            assertThat(browser.accessibilityViolations(Set.of("serious", "critical")))
                    .isEmpty();
            // Completion offers the account's own correspondents (PrimeFaces' AJAX, under the nonce CSP).
            browser.find("cc_input").sendKeys("advi");
            assertThat(browser.visible("cc_panel").getText()).contains(ADVISOR);
            browser.find("cc_input").sendKeys(Keys.ESCAPE);
            browser.type("cc_input", "");

            browser.find("compose:body")
                    .sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), "I have signed it: " + marker + "\n");
            browser.click("send").screenshot("reply-sent");
            assertThat(browser.path()).startsWith("/sent.xhtml");
            assertThat(browser.text()).contains("Your message is sent.").contains("Re: " + subject);
        }

        InboundMessage mail = CapturedMail.awaitMail(ADVISOR, marker, Duration.ofSeconds(60));
        assertThat(mail.tlsProtocol()).startsWith("TLSv1.");
        MimeMessage reply = CapturedMail.parsed(mail);
        assertThat(reply.getSubject()).isEqualTo("Re: " + subject);
        assertThat(reply.getHeader("In-Reply-To")).containsExactly("<" + messageId + ">");
        assertThat(reply.getHeader("References", " ")).contains("<" + messageId + ">");
    }

    @Test
    void forwardIsNeitherOfferedNorAcceptedWhileThePolicyTurnsItOff() throws Exception {
        String recipient = Recipients.newAddress("forwarder");
        String subject = "Statement " + shortId();
        String link = Recipients.firstMessageAndLink(bridge, recipient, subject);
        long entry;
        String colleague = "colleague." + shortId() + "@bank.example";

        try (Browser browser = new Browser(portal.toString(), "compose-forward")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            entry = stored.firstEntryOf(recipient);
            // Reply all answers the sender and the other recipients, never the reader themself.
            browser.open("/message.xhtml?id=" + entry).click("reply-all");
            assertThat(value(browser, "to_input") + ", " + value(browser, "cc_input"))
                    .contains(ADVISOR)
                    .contains("customer@client.example")
                    .doesNotContain(recipient);
            browser.open("/message.xhtml?id=" + entry).find("reply");
            assertThat(browser.driver().findElements(By.cssSelector("[id$='forward']")))
                    .isEmpty();
            assertThat(get("/compose.xhtml?forward=" + entry, browser.sessionCookie())
                            .statusCode())
                    .isEqualTo(404);

            // A forward page opened while forwarding was allowed is sent after it was turned off:
            // the server decides on the policy as it is at the send, whatever the page was.
            try {
                policy("forward_scope", "INTERNAL_ONLY");
                browser.open("/message.xhtml?id=" + entry).click("forward");
                assertThat(value(browser, "compose:subject")).isEqualTo("Fwd: " + subject);
                browser.type("to_input", colleague);
                policy("forward_scope", "DISABLED");
                browser.click("send").screenshot("forward-refused");
                assertThat(browser.path()).startsWith("/compose.xhtml");
                assertThat(browser.text()).contains("Forwarding is turned off");
                assertThat(value(browser, "to_input")).isEqualTo(colleague);
            } finally {
                policy("forward_scope", "DISABLED");
            }
        }
        Thread.sleep(3_000); // the outbound worker passes every 2 s here
        assertThat(CapturedMail.to(colleague)).isEmpty();
    }

    @Test
    void anExternalAddressAloneIsRefusedWithTheRuleAndGoesOnceAnInternalOneIsAddedReceivingOnlyANotification()
            throws Exception {
        String recipient = Recipients.registered(portal.toString(), bridge, "composer", PASSWORD);
        String outsider = Recipients.newAddress("outsider");
        String colleague = "colleague." + shortId() + "@bank.example";
        String secretSubject = "Loan terms " + shortId();
        String secretWord = "confidential" + shortId();

        try (Browser browser = new Browser(portal.toString(), "compose-external")) {
            signIn(browser, recipient);
            policy("compose_scope", "INTERNAL_AND_EXTERNAL");
            try {
                browser.open("/inbox.xhtml").click("new-message");
                assertThat(browser.path()).startsWith("/compose.xhtml");
                browser.type("to_input", outsider)
                        .type("compose:subject", secretSubject)
                        .type("compose:body", "The rate is " + secretWord + ".");
                browser.click("send").screenshot("external-refused");

                assertThat(browser.find("to-refusal").getText())
                        .contains("Add at least one address at bank.example, corp.bank.example");
                assertThat(value(browser, "to_input")).isEqualTo(outsider);
                assertThat(value(browser, "compose:subject")).isEqualTo(secretSubject);
                assertThat(value(browser, "compose:body")).isEqualTo("The rate is " + secretWord + ".");
                assertThat(CapturedMail.to(outsider)).isEmpty();

                browser.type("to_input", outsider + ", " + colleague)
                        .click("send")
                        .screenshot("external-sent");
                assertThat(browser.text()).contains("Your message is sent.");

                // Turned off, "New message" leaves every folder page at once, and its address answers 404.
                policy("compose_scope", "DISABLED");
                for (String folder : new String[] {
                    "/inbox.xhtml", "/sent.xhtml", "/trash.xhtml", "/drafts.xhtml", "/search.xhtml?q=loan"
                }) {
                    browser.open(folder).find("nav-inbox");
                    assertThat(browser.driver().findElements(By.cssSelector("[id$='new-message']")))
                            .as(folder)
                            .isEmpty();
                }
                assertThat(get("/compose.xhtml", browser.sessionCookie()).statusCode())
                        .isEqualTo(404);
            } finally {
                policy("compose_scope", "INTERNAL_ONLY");
            }
        }

        CapturedMail.awaitMail(colleague, secretWord, Duration.ofSeconds(60));
        CapturedMail.awaitLink(outsider, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        assertThat(CapturedMail.to(outsider))
                .hasSize(1)
                .allSatisfy(notification -> assertThat(notification)
                        .doesNotContain(secretWord)
                        .doesNotContain(secretSubject)
                        .doesNotContain("The rate is"));
    }

    @Test
    void anUploadOverTheLimitIsRefusedWithTheLimitNamedAndASmallerOneIsAttachedAndRemovable() throws Exception {
        String recipient = Recipients.registered(portal.toString(), bridge, "attacher", PASSWORD);
        Path big = Files.createTempFile("statement", ".pdf");
        Path small = Files.createTempFile("note", ".txt");
        Files.write(big, new byte[1024 * 1024 + 1]);
        Files.writeString(small, "a short note");

        try (Browser browser = new Browser(portal.toString(), "compose-attach")) {
            signIn(browser, recipient);
            browser.open("/inbox.xhtml"); // the policy row exists once a page has read it
            policy("max_attachment_bytes", 1024 * 1024);
            try {
                browser.open("/compose.xhtml");
                assertThat(browser.text()).contains("Attach files");
                browser.find("upload_input").sendKeys(big.toString());
                browser.awaitText("Over the 1 MiB limit").screenshot("attach-refused");
                assertThat(browser.find("attachments-refusal").getText())
                        .contains(big.getFileName().toString())
                        .contains("Over the 1 MiB limit");

                browser.find("upload_input").sendKeys(small.toString());
                browser.awaitText(small.getFileName().toString()).screenshot("attached");
                assertThat(browser.find("attachment-list").getText())
                        .contains(small.getFileName().toString())
                        .doesNotContain(big.getFileName().toString());
                assertThat(browser.find("attachment-notice").getAttribute("textContent"))
                        .isEqualTo(small.getFileName() + " is attached.");

                browser.press("remove");
                new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                        .until(d -> d.findElements(By.id("attachment-list")).isEmpty());
                assertThat(browser.find("attachment-notice").getAttribute("textContent"))
                        .isEqualTo(small.getFileName() + " is removed.");

                policy("attach_scope", "DISABLED");
                browser.open("/compose.xhtml").find("compose:subject");
                assertThat(browser.driver().findElements(By.cssSelector("input[type=file]")))
                        .isEmpty();
                assertThat(browser.text()).doesNotContain("Attach files");
            } finally {
                policy("max_attachment_bytes", 25L * 1024 * 1024);
                policy("attach_scope", "INTERNAL_ONLY");
            }
        }
    }

    @Test
    void aDraftSavedWhileTypingOutlivesASignOutAndIsDiscardedAfterAConfirmation() throws Exception {
        String recipient = Recipients.registered(portal.toString(), bridge, "drafter", PASSWORD);
        String subject = "Half-written " + shortId();
        String colleague = "colleague." + shortId() + "@bank.example";

        try (Browser browser = new Browser(portal.toString(), "compose-draft")) {
            signIn(browser, recipient);
            browser.open("/inbox.xhtml").click("new-message");
            browser.type("to_input", colleague)
                    .type("compose:subject", subject)
                    .type("compose:body", "To be continued");
            // Saved within the 30-second period, without any button.
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(45))
                    .until(d -> browser.text().contains("Draft saved at"));
            awaitAjaxDone(browser);
            browser.screenshot("autosaved");

            browser.click("submit");
            assertThat(browser.text()).contains("You are signed out");
            signIn(browser, recipient);
            browser.click("nav-drafts").screenshot("drafts");
            assertThat(browser.text()).contains(subject).contains(colleague);

            assertThat(browser.accessibilityViolations(Set.of("serious", "critical")))
                    .isEmpty();

            browser.driver().findElement(By.linkText(subject)).click();
            browser.find("compose:subject");
            assertThat(value(browser, "to_input")).isEqualTo(colleague);
            assertThat(value(browser, "compose:subject")).isEqualTo(subject);
            assertThat(value(browser, "compose:body")).isEqualTo("To be continued");

            // Discard asks first; "Cancel" keeps the draft, "Yes" deletes it.
            browser.press("discard");
            browser.visible("confirm-no");
            browser.press("confirm-no");
            assertThat(value(browser, "compose:subject")).isEqualTo(subject);
            browser.press("discard");
            browser.visible("confirm-yes");
            browser.click("confirm-yes").screenshot("discarded");
            assertThat(browser.text()).contains("The message is discarded.");
            browser.click("nav-drafts");
            assertThat(browser.text()).doesNotContain(subject).contains("No drafts.");
        }
    }

    @Test
    void anotherAccountsMessageOrDraftAndUnknownIdsAnswer404AndThePageFitsAPhone() throws Exception {
        String owner = Recipients.registered(portal.toString(), bridge, "owner", PASSWORD);
        String other = Recipients.registered(portal.toString(), bridge, "other", PASSWORD);
        long ownersEntry = stored.firstEntryOf(owner);

        try (Browser browser = new Browser(portal.toString(), "compose-404")) {
            signIn(browser, other);
            String cookie = browser.sessionCookie();
            assertThat(get("/compose.xhtml?reply=" + stored.firstEntryOf(other), cookie)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(get("/compose.xhtml?reply=" + ownersEntry, cookie).statusCode())
                    .isEqualTo(404);
            assertThat(get("/compose.xhtml?replyAll=" + ownersEntry, cookie).statusCode())
                    .isEqualTo(404);
            assertThat(get("/compose.xhtml?reply=999999999", cookie).statusCode())
                    .isEqualTo(404);
            assertThat(get("/compose.xhtml?draft=999999999", cookie).statusCode())
                    .isEqualTo(404);

            // On a phone the compose page fits the screen: nothing to scroll sideways.
            browser.phone()
                    .open("/compose.xhtml?reply=" + stored.firstEntryOf(other))
                    .find("compose:body");
            browser.screenshot("compose-375");
            assertThat(browser.scrollsSideways()).as(browser.widths()).isFalse();
        }
    }

    private void signIn(Browser browser, String address) {
        browser.open("/login.xhtml")
                .type("email", address)
                .type("password", PASSWORD)
                .click("submit");
        assertThat(browser.text()).contains("Signed in as " + address);
    }

    /** Waits until PrimeFaces has no AJAX request queued or running. */
    private static void awaitAjaxDone(Browser browser) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> Boolean.TRUE.equals(browser.driver()
                        .executeScript("return window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty();")));
    }

    private static String value(Browser browser, String id) {
        return browser.find(id).getAttribute("value");
    }

    private HttpResponse<String> get(String path, String sessionCookie) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(portal.toString() + path.substring(1)))
                                .header("Cookie", "JSESSIONID=" + sessionCookie)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** Changes the stored policy row, as an administrator's edit would; the next request reads it. */
    private void policy(String column, Object value) throws Exception {
        try (Connection c = stored.connect();
                PreparedStatement ps = c.prepareStatement("UPDATE portal_policy SET " + column
                        + " = ?, version = version + 1, changed_at = now() WHERE id = 1")) {
            ps.setObject(1, value);
            assertThat(ps.executeUpdate()).as("the policy row exists").isEqualTo(1);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
