package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Reading a hostile HTML message with an inline image and an attachment, in a real browser. */
@RunAsClient
class MessageViewIT extends PortalClientTest {

    private static final String REGISTRATION_LINK = Recipients.REGISTRATION_LINK;
    private static final String PASSWORD = "message view passphrase";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    @Test
    void hostileHtmlDoesNothingRemoteImagesWaitForConsentAndTheAttachmentDownloadsSafely() throws Exception {
        String recipient = "reader." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        String subject = "Statement " + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendRaw(hostileMessage(subject), recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser browser = new Browser(portal.toString(), "message-view")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            browser.driver().findElement(By.linkText(subject)).click();
            browser.find("body-html");
            browser.screenshot("hostile");

            WebElement frame = browser.find("body-html");
            String srcdoc = frame.getAttribute("srcdoc");
            assertThat(frame.getAttribute("sandbox")).doesNotContain("allow-scripts").doesNotContain("allow-forms");
            assertThat(srcdoc).contains("Hello").contains("<b>Ute</b>")
                    .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                    .doesNotContain("tracker.example").contains("/attachment?entry");
            // The inline image loads inside the frame (same origin, so the session cookie goes along).
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
                    Long.valueOf(1).equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                            "var f = document.querySelector('[id$=body-html]');"
                            + "var i = f && f.contentDocument && f.contentDocument.images[0];"
                            + "return i && i.complete ? i.naturalWidth : -1;")));
            assertThat(browser.driver().getTitle()).doesNotContain("pwned");
            assertThat(browser.text()).contains("One remote image was not loaded").contains("Kontoauszug März.pdf");

            browser.click("nav-inbox");
            assertThat(browser.text()).contains("No unread messages");

            String attachment = browser.driver().findElement(By.linkText(subject)).getAttribute("href");
            browser.driver().findElement(By.linkText(subject)).click();
            String download = browser.driver().findElement(By.linkText("Kontoauszug März.pdf")).getAttribute("href");
            HttpResponse<byte[]> file = get(download, browser.sessionCookie());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment;").contains("filename*=UTF-8''Kontoauszug%20M%C3%A4rz.pdf");
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
            assertThat(new String(file.body())).isEqualTo("%PDF-1.4 pretend");

            browser.click("show-images").screenshot("images-shown");
            assertThat(browser.find("body-html").getAttribute("srcdoc")).contains("https://tracker.example/p.gif");
            assertThat(attachment).isNotBlank();
        }
    }

    @Test
    void anotherAccountsMessageIsNotFoundJustLikeAMissingOne() throws Exception {
        String owner = "owner." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        String snoop = "snoop." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        bridge.sendRaw(hostileMessage("Private " + UUID.randomUUID()), owner);
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", "Mine", "b", true), snoop);
        String link = CapturedMail.awaitLink(snoop, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        long ownersEntry = entryOf(owner);

        try (Browser browser = new Browser(portal.toString(), "snoop")) {
            Recipients.register(browser, link, snoop, PASSWORD);
            String cookie = browser.sessionCookie();

            assertThat(get(base() + "/message.xhtml?id=" + ownersEntry, cookie).statusCode()).isEqualTo(404);
            assertThat(get(base() + "/message.xhtml?id=999999999", cookie).statusCode()).isEqualTo(404);
            assertThat(get(base() + "/attachment?entry=" + ownersEntry + "&part=2", cookie).statusCode()).isEqualTo(404);
            assertThat(get(base() + "/attachment?entry=" + ownersEntry + "&cid=logo%40bank.example", cookie).statusCode())
                    .isEqualTo(404);
            browser.open("/message.xhtml?id=" + ownersEntry);
            assertThat(browser.text()).doesNotContain("Private");
        }
    }

    private String base() {
        String s = portal.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static HttpResponse<byte[]> get(String url, String sessionCookie) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + sessionCookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long entryOf(String recipient) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("sealpost.it.db.url"),
                System.getProperty("sealpost.it.db.user"), System.getProperty("sealpost.it.db.password"));
                PreparedStatement ps = c.prepareStatement(
                        "SELECT e.id FROM mailbox_entry e JOIN account a ON a.id = e.account_id WHERE a.email = ?")) {
            ps.setString(1, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String hostileMessage(String subject) {
        return "From: Erika Advisor <advisor@bank.example>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@bank.example>\r\n"
                + "X-Sealpost-Encrypt: yes\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
                + "--outer\r\nContent-Type: multipart/related; boundary=inner\r\n\r\n"
                + "--inner\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
                + "<p>Hello <b>Ute</b></p><script>parent.document.title='pwned'</script>"
                + "<img src=x onerror=\"parent.document.title='pwned'\">"
                + "<img src=\"https://tracker.example/p.gif\"><img src=\"cid:logo@bank.example\">"
                + "<a href=\"javascript:parent.document.title='pwned'\">click</a>\r\n"
                + "--inner\r\nContent-Type: image/png\r\nContent-ID: <logo@bank.example>\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + PNG + "\r\n--inner--\r\n"
                + "--outer\r\nContent-Type: application/pdf\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''Kontoauszug%20M%C3%A4rz.pdf\r\n\r\n"
                + "%PDF-1.4 pretend\r\n--outer--\r\n";
    }
}
