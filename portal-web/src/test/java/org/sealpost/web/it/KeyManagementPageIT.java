package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * An administrator rotates the key-encryption key on /admin/keys.xhtml, watches the re-wrap's
 * progress, and is told in a sentence why the old version cannot be retired yet. (It is not
 * retired later either: the deployment is shared with the other tests, whose search index key is
 * derived from the oldest version.)
 */
@RunAsClient
class KeyManagementPageIT extends PortalClientTest {

    /** The second administrator in arquillian.xml, so this test does not race AdministrationIT for the first. */
    private static final String ADMIN = "keyholder@bank.example";

    private static final String PASSWORD = "key holder passphrase of the test";

    @Test
    void anAdministratorRotatesSeesTheRewrapFinishAndIsToldWhyTheOldVersionStays() throws Exception {
        String link = CapturedMail.awaitLink(ADMIN, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        // At least one stored message, so there is a data key to re-wrap.
        Recipients.firstMessageAndLink(bridge, Recipients.newAddress("keys"), "sealed before the rotation");
        try (Browser browser = new Browser(portal.toString(), "keys")) {
            browser.open(link)
                    .type("password", PASSWORD)
                    .type("confirmation", PASSWORD)
                    .click("submit");
            browser.open("/admin/keys.xhtml");
            String before = browser.text();
            assertThat(before)
                    .contains("Key-encryption keys")
                    .contains("message_content")
                    .contains("current");
            java.util.regex.Matcher currentRow =
                    java.util.regex.Pattern.compile("kek-v(\\d+) current").matcher(before);
            assertThat(currentRow.find()).as("a current version in " + before).isTrue();
            int current = Integer.parseInt(currentRow.group(1));

            browser.press("keys:rotate").awaitText("kek-v" + (current + 1) + " is now current");
            browser.screenshot("keys-rotated");

            // At once: refused, the old version still wraps the message's key. The page polls
            // every 2 s while the re-wrap runs; the confirmation must stay open across a poll
            // (it used to re-render the whole form, which closed the dialog and lost the click).
            browser.mark("keys:progress");
            browser.press("keys:versions:" + (current - 1) + ":retire");
            WebElement confirm = browser.visible("keys:confirm-yes");
            browser.awaitRenderedAnew("keys:progress");
            assertThat(confirm.isDisplayed())
                    .as("the confirmation is still open after a poll")
                    .isTrue();
            confirm.click();
            browser.awaitText("kek-v" + current + " still wraps");

            // The page polls while the re-wrap runs; it starts 10 s after the rotation.
            browser.awaitText("kek-v" + (current + 1) + " finished");
            browser.screenshot("keys-rewrapped");
            assertThat(browser.text()).doesNotContain("no data key needed re-wrapping");
            assertThat(browser.text()).containsPattern("kek-v" + current + " older 0 0 0 0");
            // An idle page must not keep the session alive: the poll stops with the re-wrap.
            browser.awaitPollStopped("rewrapPoll");
        }
    }
}
