package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The recipient's folders in a browser: paging, read and unread, trash from every place it is
 * offered, restore, and deleting for ever only after a confirmation (and the content with it).
 */
@RunAsClient
class MailboxIT extends PortalClientTest {

    private static final String REGISTRATION_LINK = Recipients.REGISTRATION_LINK;
    private static final String PASSWORD = "mailbox test passphrase";

    private final StoredMessages stored = new StoredMessages();

    @Test
    void aMessageGoesToTheTrashComesBackAndDeletedForEverOnlyAfterConfirmingTakesItsContentWithIt() throws Exception {
        String recipient = Recipients.newAddress("folders");
        String keep = "Keep me " + UUID.randomUUID().toString().substring(0, 6);
        String drop = "Drop me " + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", keep, "b", true), recipient);
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", drop, "b", true), recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        StoredMessages.Entry dropped = stored.entriesOf(recipient).get(1);

        try (Browser browser = new Browser(portal.toString(), "folders")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            assertThat(browser.text()).contains(keep).contains(drop);

            browser.click(rowButton(browser, drop, "trash"));
            assertThat(browser.text()).contains(keep).doesNotContain(drop).contains("The message is in the trash");
            browser.click("nav-trash").screenshot("trash");
            assertThat(browser.text()).contains(drop).doesNotContain(keep);

            browser.click(rowButton(browser, drop, "restore"));
            browser.click("nav-inbox");
            assertThat(browser.text()).contains(keep).contains(drop);

            browser.click(rowButton(browser, drop, "trash"));
            browser.click("nav-trash");

            browser.press(rowButton(browser, drop, "delete"));
            assertThat(browser.visible("confirm-no").getText()).isEqualTo("Cancel");
            browser.screenshot("asked-to-confirm");
            browser.press("confirm-no");
            assertThat(stored.entry(dropped.id()))
                    .as("cancelled: the entry stays")
                    .isPresent();
            assertThat(stored.contentExists(dropped.contentId())).isTrue();
            browser.open("/trash.xhtml");
            assertThat(browser.text()).contains(drop);

            browser.press(rowButton(browser, drop, "delete"));
            browser.visible("confirm-yes");
            browser.click("confirm-yes").screenshot("deleted");
            assertThat(browser.text()).doesNotContain(drop).contains("The message is deleted for ever");
            assertThat(stored.entry(dropped.id())).isEmpty();
            assertThat(stored.contentExists(dropped.contentId()))
                    .as("the deleted message's ciphertext and wrapped key")
                    .isFalse();
            assertThat(stored.contentExists(stored.entriesOf(recipient).get(0).contentId()))
                    .isTrue();
        }
    }

    @Test
    void emptyingTheTrashAsksFirstAndEscapeKeepsEverything() throws Exception {
        String recipient = Recipients.newAddress("empty");
        List<String> subjects = List.of(
                "Old one " + UUID.randomUUID().toString().substring(0, 6),
                "Old two " + UUID.randomUUID().toString().substring(0, 6));
        bridge.sendAllRaw(
                subjects.stream()
                        .map(s -> BridgeClient.message(UUID.randomUUID() + "@bank.example", s, "b", true))
                        .toList(),
                recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser browser = new Browser(portal.toString(), "empty-trash")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            for (String subject : subjects) {
                browser.click(rowButton(browser, subject, "trash"));
            }
            browser.click("nav-trash");
            browser.press("empty-trash");
            browser.visible("confirm-yes");
            // The dialog is keyboard-operable: Escape closes it and nothing is deleted.
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> !browser.find("confirm-yes").isDisplayed());
            assertThat(stored.entriesOf(recipient)).hasSize(2);

            browser.press("empty-trash");
            browser.visible("confirm-yes");
            browser.click("confirm-yes");
            assertThat(browser.text()).contains("2 messages deleted for ever").contains("No messages yet");
            assertThat(stored.entriesOf(recipient)).isEmpty();
        }
    }

    @Test
    void theInboxPagesNewestFirstAndCountsTheUnread() throws Exception {
        String recipient = Recipients.newAddress("paging");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> raws = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            raws.add(BridgeClient.message(
                    UUID.randomUUID() + "@bank.example", String.format("Paged %s %02d", tag, i), "b", true));
        }
        bridge.sendAllRaw(raws, recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser browser = new Browser(portal.toString(), "paging")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            browser.screenshot("page-1");
            List<String> first = subjectsShown(browser);
            assertThat(first).hasSize(25);
            assertThat(first.get(0)).isEqualTo("Paged " + tag + " 30");
            assertThat(first.get(24)).isEqualTo("Paged " + tag + " 06");
            assertThat(browser.find("unread").getText()).isEqualTo("30 unread messages");
            assertThat(browser.find("nav-inbox").getText()).contains("30");

            browser.driver().findElement(By.cssSelector(".ui-paginator-next")).click();
            browser.awaitText("Paged " + tag + " 01").screenshot("page-2");
            assertThat(subjectsShown(browser))
                    .containsExactly(
                            "Paged " + tag + " 05",
                            "Paged " + tag + " 04",
                            "Paged " + tag + " 03",
                            "Paged " + tag + " 02",
                            "Paged " + tag + " 01");
        }
    }

    @Test
    void openingAMessageMarksItReadAndMarkAsUnreadBringsBackTheBoldAndTheCount() throws Exception {
        String recipient = Recipients.newAddress("unread");
        String first = "First " + UUID.randomUUID().toString().substring(0, 6);
        String second = "Second " + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendAllRaw(
                List.of(
                        BridgeClient.message(UUID.randomUUID() + "@bank.example", first, "one", true),
                        BridgeClient.message(UUID.randomUUID() + "@bank.example", second, "two", true)),
                recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser browser = new Browser(portal.toString(), "unread")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            assertThat(browser.find("unread").getText()).isEqualTo("2 unread messages");
            assertUnread(browser, first, true);
            assertUnread(browser, second, true);

            browser.driver().findElement(By.linkText(first)).click();
            browser.find("body-text");
            assertThat(browser.find("nav-inbox").getText()).contains("1").doesNotContain("2");
            browser.click("nav-inbox");
            assertThat(browser.find("unread").getText()).isEqualTo("One unread message");
            assertUnread(browser, first, false);
            assertUnread(browser, second, true);

            browser.driver().findElement(By.linkText(first)).click();
            browser.click("actions:unread").screenshot("marked-unread");
            assertThat(browser.path()).startsWith("/inbox.xhtml");
            assertThat(browser.find("unread").getText()).isEqualTo("2 unread messages");
            assertUnread(browser, first, true);
        }
    }

    @Test
    void theMessagePagesTrashReturnsToTheFolderTheMessageWasIn() throws Exception {
        String recipient = Recipients.newAddress("return");
        String received = "Received " + UUID.randomUUID().toString().substring(0, 6);
        String sent = "Sent " + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendAllRaw(
                List.of(
                        BridgeClient.message(UUID.randomUUID() + "@bank.example", received, "in", true),
                        BridgeClient.message(UUID.randomUUID() + "@bank.example", sent, "out", true)),
                recipient);
        String link = CapturedMail.awaitLink(recipient, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        List<StoredMessages.Entry> entries = stored.entriesOf(recipient);
        stored.fileAsSent(entries.get(1).id());

        try (Browser browser = new Browser(portal.toString(), "return")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            assertThat(browser.text()).contains(received).doesNotContain(sent);

            browser.click("nav-sent");
            assertThat(browser.text()).contains(sent).doesNotContain(received);
            browser.driver().findElement(By.linkText(sent)).click();
            browser.click("actions:trash");
            assertThat(browser.path()).startsWith("/sent.xhtml");
            assertThat(browser.text()).doesNotContain(sent).contains("The message is in the trash");
            assertThat(stored.entry(entries.get(1).id()).orElseThrow().folder()).isEqualTo("TRASH");

            browser.click("nav-inbox");
            browser.driver().findElement(By.linkText(received)).click();
            browser.click("actions:trash");
            assertThat(browser.path()).startsWith("/inbox.xhtml");
            assertThat(browser.text()).doesNotContain(received);

            browser.click("nav-trash");
            browser.driver().findElement(By.linkText(sent)).click();
            browser.click("actions:restore");
            assertThat(browser.path()).startsWith("/trash.xhtml");
            assertThat(stored.entry(entries.get(1).id()).orElseThrow().folder()).isEqualTo("SENT");

            // And the Sent folder's own row button.
            browser.click("nav-sent");
            browser.click(rowButton(browser, sent, "trash"));
            assertThat(browser.path()).startsWith("/sent.xhtml");
            assertThat(stored.entry(entries.get(1).id()).orElseThrow().folder()).isEqualTo("TRASH");
        }
    }

    /** The subjects of the folder table's rows, top to bottom. */
    private static List<String> subjectsShown(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".mail-list .col-subject a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Unread shows twice: bold to the eye, and a hidden "Unread." a screen reader speaks first. */
    private static void assertUnread(Browser browser, String subject, boolean unread) {
        WebElement row = row(browser, subject);
        String weight = browser.driver().findElement(By.linkText(subject)).getCssValue("font-weight");
        String marker = String.valueOf(browser.driver()
                .executeScript(
                        "return Array.from(arguments[0].querySelectorAll('.sr-only')).map(e => e.textContent).join('|');",
                        row));
        if (unread) {
            assertThat(row.getAttribute("class")).as(subject).contains("unread");
            assertThat(Integer.parseInt(weight)).as(subject + " font weight").isGreaterThanOrEqualTo(700);
            assertThat(marker).as(subject).contains("Unread.");
        } else {
            assertThat(row.getAttribute("class")).as(subject).doesNotContain("unread");
            assertThat(Integer.parseInt(weight)).as(subject + " font weight").isLessThan(700);
            assertThat(marker).as(subject).doesNotContain("Unread.");
        }
    }

    private static WebElement row(Browser browser, String subject) {
        for (WebElement row : browser.driver().findElements(By.cssSelector(".mail-list tbody tr"))) {
            if (row.getText().contains(subject)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + subject);
    }

    /** The id of the button in the table row that shows the given subject. */
    private static String rowButton(Browser browser, String subject, String button) {
        return row(browser, subject)
                .findElement(By.cssSelector("[id$=':" + button + "']"))
                .getAttribute("id");
    }
}
