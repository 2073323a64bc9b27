package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reading what the bridge received, in a real browser: every kind of body, non-ASCII names,
 * downloads, a hostile HTML message that must do nothing, and another account's ids.
 */
@RunAsClient
class MessageViewIT extends PortalClientTest {

    private static final String REGISTRATION_LINK = Recipients.REGISTRATION_LINK;
    private static final String PASSWORD = "message view passphrase";
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private final StoredMessages stored = new StoredMessages();

    @Test
    void hostileHtmlDoesNothingRemoteImagesWaitForConsentAndTheAttachmentDownloadsSafely() throws Exception {
        String recipient = Recipients.newAddress("reader");
        String subject = "Statement " + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendRaw(hostileMessage(subject), recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser browser = Browser.recordingRequests(portal.toString(), "message-view")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            browser.requestedUrls(); // registration's requests are not this test's subject
            browser.driver().findElement(By.linkText(subject)).click();
            browser.find("body-html");
            browser.screenshot("hostile");

            WebElement frame = browser.find("body-html");
            String srcdoc = frame.getAttribute("srcdoc");
            assertThat(frame.getAttribute("sandbox"))
                    .doesNotContain("allow-scripts")
                    .doesNotContain("allow-forms");
            assertThat(srcdoc)
                    .contains("Hello")
                    .contains("<b>Ute</b>")
                    .doesNotContainIgnoringCase("<script")
                    .doesNotContainIgnoringCase("onerror")
                    .doesNotContain("tracker.example")
                    .doesNotContain("evil.example")
                    .contains("/attachment?entry");
            // The inline image loads inside the frame (same origin, so the session cookie goes along).
            awaitInlineImage(browser);
            assertNoScriptRan(browser);
            assertThat(browser.text())
                    .contains("One remote image was not loaded")
                    .contains("Kontoauszug März.pdf");
            // Before consent the page asked nothing of any host but the portal.
            List<String> beforeConsent = browser.requestedUrls();
            assertThat(beforeConsent)
                    .as("the log saw the page's own requests")
                    .anyMatch(u -> u.contains("/attachment?entry="));
            assertThat(offPortal(beforeConsent))
                    .as("requests to other hosts before consent")
                    .isEmpty();

            browser.click("nav-inbox");
            assertThat(browser.text()).contains("No unread messages");

            browser.driver().findElement(By.linkText(subject)).click();
            String download = browser.driver()
                    .findElement(By.linkText("Kontoauszug März.pdf"))
                    .getAttribute("href");
            HttpResponse<byte[]> file = get(download, browser.sessionCookie());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment;")
                    .contains("filename*=UTF-8''Kontoauszug%20M%C3%A4rz.pdf");
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
            assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 pretend");
            browser.requestedUrls();

            browser.click("show-images").screenshot("images-shown");
            assertThat(browser.find("body-html").getAttribute("srcdoc"))
                    .contains("https://tracker.example/p.gif")
                    .doesNotContain("evil.example");
            awaitInlineImage(browser);
            assertNoScriptRan(browser);
            // After consent only the consented image may be asked for (the test browser has no
            // route off loopback, so it never arrives): still nothing of the hostile rest.
            List<String> afterConsent = browser.requestedUrls();
            assertThat(afterConsent)
                    .as("the log saw the page's own requests")
                    .anyMatch(u -> u.contains("/message.xhtml"));
            assertThat(offPortal(afterConsent))
                    .as("requests to other hosts after consent")
                    .allMatch(url -> url.equals("https://tracker.example/p.gif"));
        }
    }

    @Test
    void everyKindOfMessageTheBridgeReceivedReadsRightInTheListAndOnItsPage() throws Exception {
        String recipient = Recipients.newAddress("kinds");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        bridge.sendAllRaw(
                List.of(
                        mail("Plain " + tag, "text/plain; charset=UTF-8", "7bit", "Just text, line one.\r\nLine two."),
                        mail("Html " + tag, "text/html; charset=UTF-8", "7bit", "<p>Only <i>HTML</i> here</p>"),
                        mail(
                                "Alternative " + tag,
                                "multipart/alternative; boundary=alt",
                                "7bit",
                                "--alt\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe plain alternative\r\n"
                                        + "--alt\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>The <b>rich</b> alternative</p>\r\n"
                                        + "--alt--\r\n"),
                        internationalMessage(tag),
                        mail("Nested " + tag, "multipart/mixed; boundary=n0", "7bit", nested(25))),
                recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser browser = new Browser(portal.toString(), "kinds")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            browser.screenshot("inbox");
            String subject = "Grüße aus Zürich – Zinssätze " + tag;
            assertThat(browser.text())
                    .contains("Plain " + tag)
                    .contains("Html " + tag)
                    .contains("Alternative " + tag)
                    .contains(subject)
                    .contains("Jürgen Müller");

            browser.driver().findElement(By.linkText("Plain " + tag)).click();
            assertThat(browser.find("body-text").getText())
                    .contains("Just text, line one.")
                    .contains("Line two.");
            assertThat(browser.driver().findElements(By.cssSelector("[id$='body-html']")))
                    .isEmpty();
            assertThat(browser.find("subject").getText()).isEqualTo("Plain " + tag);
            assertThat(browser.find("from").getText()).isEqualTo("Erika Advisor <advisor@bank.example>");

            browser.click("nav-inbox");
            browser.driver().findElement(By.linkText("Html " + tag)).click();
            assertThat(browser.find("body-html").getAttribute("srcdoc")).contains("Only <i>HTML</i> here");

            browser.click("nav-inbox");
            browser.driver().findElement(By.linkText("Alternative " + tag)).click();
            // RFC 2046 5.1.4: the last alternative (the HTML) shows; the plain one is no attachment.
            assertThat(browser.find("body-html").getAttribute("srcdoc"))
                    .contains("The <b>rich</b> alternative")
                    .doesNotContain("The plain alternative");
            assertThat(browser.driver().findElements(By.cssSelector("[id$='attachments']")))
                    .isEmpty();

            browser.click("nav-inbox");
            browser.driver().findElement(By.linkText(subject)).click();
            browser.screenshot("international");
            assertThat(browser.find("subject").getText()).isEqualTo(subject);
            assertThat(browser.find("from").getText()).isEqualTo("Jürgen Müller <juergen@bank.example>");
            assertThat(browser.find("cc").getText()).isEqualTo("Åsa Öberg <asa@client.example>");
            assertThat(browser.find("date").getText()).isNotBlank().contains("2026");
            assertThat(browser.find("body-text").getText()).contains("Sehr geehrte Frau Ölmüller, anbei 5 € Gebühren.");
            assertThat(browser.driver().getTitle()).startsWith(subject);
            String attachments = browser.find("attachments").getText();
            assertThat(attachments)
                    .contains("Zinssätze 2026.csv")
                    .contains("text/csv")
                    .contains("36 bytes")
                    .contains("Überblick.txt");

            String csv = browser.driver()
                    .findElement(By.linkText("Zinssätze 2026.csv"))
                    .getAttribute("href");
            HttpResponse<byte[]> file = get(csv, browser.sessionCookie());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment;")
                    .contains("filename*=UTF-8''Zinss%C3%A4tze%202026.csv");
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
            assertThat(new String(file.body(), StandardCharsets.UTF_8))
                    .isEqualTo("Laufzeit;Zins\r\n1 Jahr;2,5\r\n5 Jahre;3");

            // Nested beyond the limit (issue 14): what is within it shows, and a sentence says the rest does not.
            browser.click("nav-inbox");
            browser.driver().findElement(By.linkText("Nested " + tag)).click();
            assertThat(browser.find("body-text").getText()).contains("level 0");
            assertThat(browser.text()).contains("Some parts of this message are nested too deeply and are not shown.");
        }
    }

    /** Multiparts nested {@code depth} deep, a text part at every level. */
    private static String nested(int depth) {
        StringBuilder body = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            body.append("--n")
                    .append(level)
                    .append("\r\nContent-Type: text/plain\r\n\r\nlevel ")
                    .append(level)
                    .append("\r\n--n")
                    .append(level)
                    .append("\r\nContent-Type: multipart/mixed; boundary=n")
                    .append(level + 1)
                    .append("\r\n\r\n");
        }
        for (int level = depth; level >= 0; level--) {
            body.append("--n").append(level).append("--\r\n");
        }
        return body.toString();
    }

    @Test
    void anotherAccountsMessageIsNotFoundJustLikeAMissingOne() throws Exception {
        String owner = Recipients.newAddress("owner");
        String snoop = Recipients.newAddress("snoop");
        bridge.sendRaw(hostileMessage("Private " + UUID.randomUUID()), owner);
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "Mine", "b", true), snoop);
        String link = CapturedMail.awaitLink(snoop, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        long ownersEntry = stored.firstEntryOf(owner);

        try (Browser browser = new Browser(portal.toString(), "snoop")) {
            Recipients.register(browser, link, snoop, PASSWORD);
            String cookie = browser.sessionCookie();

            assertThat(get(base() + "/message.xhtml?id=" + ownersEntry, cookie).statusCode())
                    .isEqualTo(404);
            assertThat(get(base() + "/message.xhtml?id=999999999", cookie).statusCode())
                    .isEqualTo(404);
            assertThat(get(base() + "/attachment?entry=" + ownersEntry + "&part=2", cookie)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(base() + "/attachment?entry=" + ownersEntry + "&cid=logo%40bank.example", cookie)
                            .statusCode())
                    .isEqualTo(404);
            browser.open("/message.xhtml?id=" + ownersEntry);
            assertThat(browser.text()).doesNotContain("Private");

            // The message page's actions, posted with the owner's id forged into the request
            // (as a query parameter and as a form field): refused, and nothing changes.
            for (String action : List.of("actions:unread", "actions:trash")) {
                browser.open("/inbox.xhtml");
                browser.driver().findElement(By.linkText("Mine")).click();
                browser.find("body-text");
                ((JavascriptExecutor) browser.driver()).executeScript("""
                        var form = document.getElementById('actions');
                        form.action = form.action.split('?')[0] + '?id=' + arguments[0];
                        var forged = document.createElement('input');
                        forged.type = 'hidden'; forged.name = 'id'; forged.value = arguments[0];
                        form.appendChild(forged);""", Long.toString(ownersEntry));
                browser.click(action).screenshot("forged-" + action.replace(':', '-'));
                assertThat(browser.text()).as(action).doesNotContain("Private").contains("404");
                StoredMessages.Entry untouched = stored.entry(ownersEntry).orElseThrow();
                assertThat(untouched.folder()).as(action).isEqualTo("INBOX");
                assertThat(untouched.read()).as(action).isFalse();
            }
            assertThat(stored.entry(stored.firstEntryOf(snoop)).orElseThrow().folder())
                    .as("the forged request did not act on the snoop's own message either")
                    .isEqualTo("INBOX");
        }
    }

    /** Requests the page made to anything but the portal (data: and blob: URLs are no requests to a host). */
    private List<String> offPortal(List<String> urls) {
        String host = portal.getHost();
        return urls.stream()
                .filter(u -> !u.startsWith("data:") && !u.startsWith("blob:") && !u.startsWith("about:"))
                .filter(u -> !host.equals(URI.create(u).getHost()))
                .toList();
    }

    private static void awaitInlineImage(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> Long.valueOf(1)
                        .equals(((JavascriptExecutor) d)
                                .executeScript("var f = document.querySelector('[id$=body-html]');"
                                        + "var i = f && f.contentDocument && f.contentDocument.querySelector('img[src*=\"/attachment?\"]');"
                                        + "return i && i.complete ? i.naturalWidth : -1;")));
    }

    /** The markers the hostile body tries to set in the portal's page, and its alert. */
    private static void assertNoScriptRan(Browser browser) {
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        assertThat(((JavascriptExecutor) browser.driver())
                        .executeScript("return typeof window.sealpostPwned === 'undefined'"
                                + " && !document.querySelector('[id$=body-html]').contentWindow.sealpostPwned;"))
                .isEqualTo(true);
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private String base() {
        String s = portal.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static HttpResponse<byte[]> get(String url, String sessionCookie) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", "JSESSIONID=" + sessionCookie)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String mail(String subject, String contentType, String transferEncoding, String body) {
        return "From: Erika Advisor <advisor@bank.example>\r\n"
                + "To: customer@client.example\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Tue, 01 Dec 2026 08:00:00 +0100\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@bank.example>\r\n"
                + "X-Sealpost-Encrypt: yes\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Transfer-Encoding: " + transferEncoding + "\r\n\r\n"
                + body + "\r\n";
    }

    /**
     * RFC 2047 encoded words in Subject (B) and From and Cc (Q), an RFC 2231 {@code filename*}
     * (and one split into RFC 2231 continuations), and an 8-bit UTF-8 body.
     */
    private static String internationalMessage(String tag) {
        return "From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@bank.example>\r\n"
                + "To: customer@client.example\r\n"
                + "Cc: =?ISO-8859-1?Q?=C5sa_=D6berg?= <asa@client.example>\r\n"
                + "Subject: =?UTF-8?B?"
                + java.util.Base64.getEncoder()
                        .encodeToString(("Grüße aus Zürich – Zinssätze " + tag).getBytes(StandardCharsets.UTF_8))
                + "?=\r\n"
                + "Date: Mon, 30 Nov 2026 16:45:00 +0100\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@bank.example>\r\n"
                + "X-Sealpost-Encrypt: yes\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=mixed\r\n\r\n"
                + "--mixed\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Sehr geehrte Frau Ölmüller, anbei 5 € Gebühren.\r\n"
                + "--mixed\r\nContent-Type: text/csv; charset=UTF-8\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''Zinss%C3%A4tze%202026.csv\r\n\r\n"
                + "Laufzeit;Zins\r\n1 Jahr;2,5\r\n5 Jahre;3\r\n"
                + "--mixed\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Disposition: attachment; filename*0*=UTF-8''%C3%9Cber; filename*1=blick.txt\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getEncoder().encodeToString("Überblick".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--mixed--\r\n";
    }

    private static String hostileMessage(String subject) {
        return "From: Erika Advisor <advisor@bank.example>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@bank.example>\r\n"
                + "X-Sealpost-Encrypt: yes\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
                + "--outer\r\nContent-Type: multipart/related; boundary=inner\r\n\r\n"
                + "--inner\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<html><head><link rel=\"stylesheet\" href=\"https://evil.example/s.css\">"
                + "<style>@import url(https://evil.example/i.css); body{background:url(https://evil.example/b.png)}</style>"
                + "<base href=\"https://evil.example/\"></head><body>"
                + "<p>Hello <b>Ute</b></p><script>parent.document.title='pwned';parent.sealpostPwned=1;"
                + "window.sealpostPwned=1;alert(1)</script>"
                + "<img src=x onerror=\"parent.document.title='pwned'\">"
                + "<svg onload=\"parent.sealpostPwned=1\"></svg>"
                + "<div style=\"background-image:url(https://evil.example/d.png)\">styled</div>"
                + "<iframe src=\"https://evil.example/frame\"></iframe>"
                + "<object data=\"https://evil.example/o.swf\"></object>"
                + "<video src=\"https://evil.example/v.mp4\" autoplay></video>"
                + "<img srcset=\"https://evil.example/s.png 2x\">"
                + "<img src=\"https://tracker.example/p.gif\"><img src=\"cid:logo@bank.example\">"
                + "<a href=\"javascript:parent.document.title='pwned'\">click</a></body></html>\r\n"
                + "--inner\r\nContent-Type: image/png\r\nContent-ID: <logo@bank.example>\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + PNG + "\r\n--inner--\r\n"
                + "--outer\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''Kontoauszug%20M%C3%A4rz.pdf\r\n\r\n"
                + "%PDF-1.4 pretend\r\n--outer--\r\n";
    }
}
