package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The pages on a phone, with a keyboard and to a screen reader: no sideways scrolling at
 * 375 px, a skip link first, and no serious or critical axe-core finding.
 */
@RunAsClient
class AccessibleLayoutIT extends PortalClientTest {

    private static final String PASSWORD = "layout test passphrase";
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    @Test
    void theInboxAndAMessageFitAPhoneWithoutScrollingSideways() throws Exception {
        String recipient = Recipients.newAddress("phone");
        String longSubject = "A rather long subject line about your quarterly portfolio statement and its enclosures "
                + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendAllRaw(
                List.of(
                        BridgeClient.message(
                                UUID.randomUUID() + "@bank.example",
                                longSubject,
                                "A body with a long unbroken token: " + "x".repeat(200),
                                true),
                        BridgeClient.message(UUID.randomUUID() + "@bank.example", "Short", "b", true)),
                recipient);
        String link = CapturedMail.awaitLink(recipient, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        try (Browser browser = new Browser(portal.toString(), "phone")) {
            browser.phone();
            Recipients.register(browser, link, recipient, PASSWORD);
            browser.screenshot("inbox-375");
            assertThat(browser.scrollsSideways())
                    .as("inbox at 375 px: " + browser.widths())
                    .isFalse();
            assertThat(browser.find("nav-inbox").isDisplayed()).isTrue();

            browser.driver()
                    .findElement(By.partialLinkText("A rather long subject"))
                    .click();
            browser.find("body-text");
            browser.screenshot("message-375");
            assertThat(browser.scrollsSideways())
                    .as("message at 375 px: " + browser.widths())
                    .isFalse();

            browser.click("nav-trash").screenshot("trash-375");
            assertThat(browser.scrollsSideways())
                    .as("trash at 375 px: " + browser.widths())
                    .isFalse();
            browser.click("nav-account").screenshot("account-375");
            assertThat(browser.scrollsSideways())
                    .as("account at 375 px: " + browser.widths())
                    .isFalse();
            browser.open("/login.xhtml?signedOut=true").screenshot("signin-375");
            assertThat(browser.scrollsSideways())
                    .as("sign-in at 375 px: " + browser.widths())
                    .isFalse();
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndItLeadsToTheContent() throws Exception {
        String recipient = Recipients.registered(portal.toString(), bridge, "keyboard", PASSWORD);
        try (Browser browser = new Browser(portal.toString(), "keyboard")) {
            signIn(browser, recipient);
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement first = browser.driver().switchTo().activeElement();
            assertThat(first.getText()).isEqualTo("Skip to the main content");
            assertThat(first.isDisplayed())
                    .as("the skip link shows when it has focus")
                    .isTrue();
            first.sendKeys(Keys.ENTER);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                    .isEqualTo("main");
            // One h1 per page, and the landmarks a screen reader lists.
            assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("header, nav, main")))
                    .hasSize(3);
        }
    }

    @Test
    void signInInboxMessageAndAccountPagesHaveNoSeriousAccessibilityProblems() throws Exception {
        String recipient = Recipients.newAddress("axe");
        String subject = "Accessible " + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", subject, "body", true), recipient);
        String link = CapturedMail.awaitLink(recipient, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));

        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser(portal.toString(), "axe")) {
            browser.open("/login.xhtml");
            problems.addAll(prefixed("sign-in", browser.accessibilityViolations(BLOCKING)));
            browser.open(link);
            problems.addAll(prefixed("registration", browser.accessibilityViolations(BLOCKING)));
            Recipients.register(browser, link, recipient, PASSWORD);
            problems.addAll(prefixed("inbox", browser.accessibilityViolations(BLOCKING)));
            browser.driver().findElement(By.linkText(subject)).click();
            browser.find("body-text");
            problems.addAll(prefixed("message", browser.accessibilityViolations(BLOCKING)));
            browser.click("nav-trash");
            problems.addAll(prefixed("trash", browser.accessibilityViolations(BLOCKING)));
            browser.click("nav-account");
            problems.addAll(prefixed("account", browser.accessibilityViolations(BLOCKING)));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> prefixed(String page, List<String> violations) {
        return violations.stream().map(v -> page + ": " + v).toList();
    }

    private static void signIn(Browser browser, String address) {
        browser.open("/login.xhtml")
                .type("email", address)
                .type("password", PASSWORD)
                .click("submit");
        assertThat(browser.text()).contains("Signed in as " + address);
    }
}
