package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** The account page: password change that needs the current one, recent sign-ins, sign out everywhere. */
@RunAsClient
class AccountSettingsIT extends PortalClientTest {

    private static final String PASSWORD = "account page passphrase";
    private static final String NEW_PASSWORD = "a changed account passphrase";

    @Test
    void changingThePasswordNeedsTheCurrentOneKeepsThisSessionAndEndsTheOthers() throws Exception {
        String recipient = registered("change");
        try (Browser here = new Browser(portal.toString(), "account-here");
                Browser elsewhere = new Browser(portal.toString(), "account-elsewhere")) {
            signIn(here, recipient, PASSWORD);
            signIn(elsewhere, recipient, PASSWORD);

            here.click("nav-account");
            // The browser reached the portal over loopback, IPv4 or IPv6.
            assertThat(here.text())
                    .contains("Recent sign-ins")
                    .containsPattern("(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1) Signed in");
            here.type("current", "not my password at all")
                    .type("chosen", NEW_PASSWORD)
                    .type("confirmation", NEW_PASSWORD)
                    .click("change");
            assertThat(here.text()).contains("Your current password is not right");

            here.type("current", PASSWORD)
                    .type("chosen", NEW_PASSWORD)
                    .type("confirmation", NEW_PASSWORD)
                    .click("change")
                    .screenshot("changed");
            assertThat(here.text()).contains("Your password is changed");

            here.open("/inbox.xhtml");
            assertThat(here.text()).contains("Signed in as " + recipient);
            elsewhere.open("/inbox.xhtml");
            assertThat(elsewhere.path()).startsWith("/login.xhtml");
            signIn(elsewhere, recipient, NEW_PASSWORD);
            assertThat(elsewhere.text()).contains("Signed in as " + recipient);
        }
    }

    @Test
    void signingOutEverywhereEndsThisSessionAndEveryOther() throws Exception {
        String recipient = registered("everywhere");
        try (Browser here = new Browser(portal.toString(), "everywhere-here");
                Browser elsewhere = new Browser(portal.toString(), "everywhere-elsewhere")) {
            signIn(here, recipient, PASSWORD);
            signIn(elsewhere, recipient, PASSWORD);

            here.click("nav-account").click("signout-everywhere");
            assertThat(here.text()).contains("You are signed out");

            here.open("/inbox.xhtml");
            assertThat(here.path()).startsWith("/login.xhtml");
            elsewhere.open("/inbox.xhtml");
            assertThat(elsewhere.path()).startsWith("/login.xhtml");
        }
    }

    private static void signIn(Browser browser, String address, String password) {
        browser.open("/login.xhtml")
                .type("email", address)
                .type("password", password)
                .click("submit");
        assertThat(browser.text()).contains("Signed in as " + address);
    }

    private String registered(String purpose) throws Exception {
        return Recipients.registered(portal.toString(), bridge, purpose, PASSWORD);
    }
}
