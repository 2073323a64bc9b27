package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The account page's list of signed-in sessions: two browsers on one account, one signs the
 * other out; a handle of another account's session ends nothing.
 */
@RunAsClient
class SessionsIT extends PortalClientTest {

    private static final String PASSWORD = "sessions page passphrase";

    private final StoredMessages store = new StoredMessages();

    @Test
    void oneSessionSignsOutAnotherWhoseNextClickLandsOnSignInWithTheReason() throws Exception {
        try (Browser here = new Browser(portal.toString(), "sessions-here");
                Browser there = new Browser(portal.toString(), "sessions-there")) {
            // Registration signs in too: that is this browser's session.
            String recipient = registerIn(here, "sessions-end");
            signIn(there, recipient);

            here.click("nav-account");
            showSessions(here).screenshot("two-sessions");
            List<String> rows = sessionRows(here);
            assertThat(rows).hasSize(2);
            assertThat(rows).filteredOn(r -> r.contains("(this session)")).hasSize(1);
            assertThat(rows).allMatch(r -> r.contains("Chrome on Linux"));
            // A button for the other session only; its accessible name says which session.
            List<WebElement> buttons = endButtons(here);
            assertThat(buttons).hasSize(1);
            assertThat(buttons.get(0).getAttribute("aria-label")).startsWith("Sign out the session of Chrome on Linux");
            assertThat(here.driver().findElements(By.cssSelector("table.sessions caption")))
                    .hasSize(1);
            assertThat(here.driver().findElements(By.cssSelector("table.sessions th")))
                    .hasSizeGreaterThanOrEqualTo(4);

            here.click("end-session");
            showSessions(here).screenshot("other-signed-out");
            assertThat(here.text()).contains("is signed out");
            assertThat(sessionRows(here)).hasSize(1).allMatch(r -> r.contains("(this session)"));
            assertThat(store.count("""
                    SELECT count(*) FROM portal_session s JOIN account a ON a.id = s.account_id
                    WHERE a.email = ? AND s.end_reason = 'ENDED_FROM_OTHER_SESSION'""", recipient)).isOne();
            assertThat(store.count("""
                    SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'SIGNED_OUT_OTHER_SESSION'""", recipient)).isOne();

            there.click("nav-account");
            assertThat(there.path()).startsWith("/login.xhtml");
            assertThat(there.text()).contains("signed out from another session of your account");

            here.open("/inbox.xhtml");
            assertThat(here.text()).contains("Signed in as " + recipient);
        }
    }

    @Test
    void aHandleOfAnotherAccountsSessionOrAMadeUpOneEndsNothing() throws Exception {
        try (Browser victimBrowser = new Browser(portal.toString(), "sessions-victim");
                Browser here = new Browser(portal.toString(), "sessions-attacker-here");
                Browser there = new Browser(portal.toString(), "sessions-attacker-there")) {
            String victim = registerIn(victimBrowser, "sessions-victim");
            String attacker = registerIn(here, "sessions-attacker");
            signIn(there, attacker);
            List<String> victimHandles = openHandles(victim);
            assertThat(victimHandles).isNotEmpty();

            for (String forged : List.of(victimHandles.get(0), "AAAAAAAAAAAAAAAAAAAAAA", "not a handle")) {
                here.open("/account/settings.xhtml");
                // The form is the attacker's own, with its view state; only the handle is forged.
                here.driver()
                        .executeScript(
                                "document.querySelector(\"input[name='handle']\").value = arguments[0];", forged);
                here.click("end-session");
                assertThat(here.text()).as(forged).contains("That session is not signed in (any more)");
            }

            assertThat(openHandles(victim)).containsExactlyInAnyOrderElementsOf(victimHandles);
            victimBrowser.open("/inbox.xhtml");
            assertThat(victimBrowser.text()).contains("Signed in as " + victim);
            assertThat(sessionRows(here)).hasSize(2);
            there.open("/inbox.xhtml");
            assertThat(there.text()).contains("Signed in as " + attacker);
            assertThat(store.count(
                            "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'SESSION_END_REFUSED'",
                            attacker))
                    .isEqualTo(3);
        }
    }

    @Test
    void signingOutRemovesTheSessionFromTheList() throws Exception {
        try (Browser here = new Browser(portal.toString(), "sessions-signout-here");
                Browser there = new Browser(portal.toString(), "sessions-signout-there")) {
            String recipient = registerIn(here, "sessions-signout");
            signIn(there, recipient);
            here.click("nav-account");
            assertThat(sessionRows(here)).hasSize(2);

            there.click("signout:submit");
            assertThat(there.text()).contains("You are signed out");

            here.open("/account/settings.xhtml");
            assertThat(sessionRows(here)).hasSize(1).allMatch(r -> r.contains("(this session)"));
            assertThat(endButtons(here)).isEmpty();
        }
    }

    @Test
    void lastSeenIsWrittenOnlyOnceItIsAMinuteOld() throws Exception {
        try (Browser here = new Browser(portal.toString(), "sessions-last-seen")) {
            String recipient = registerIn(here, "sessions-last-seen");
            Instant registered = lastSeen(recipient);

            here.open("/inbox.xhtml").open("/sent.xhtml").open("/inbox.xhtml");
            assertThat(lastSeen(recipient)).isEqualTo(registered);

            // As if the last write were two minutes ago: the next request writes again.
            execute("""
                    UPDATE portal_session SET last_seen_at = last_seen_at - interval '2 minutes'
                    WHERE account_id = (SELECT id FROM account WHERE email = ?)""", recipient);
            here.open("/inbox.xhtml");
            assertThat(here.text()).contains("Signed in as " + recipient);
            assertThat(lastSeen(recipient)).isAfterOrEqualTo(registered);
        }
    }

    private Instant lastSeen(String address) throws Exception {
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement("""
                SELECT s.last_seen_at FROM portal_session s JOIN account a ON a.id = s.account_id
                WHERE a.email = ? AND s.ended_at IS NULL""")) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("an open session of " + address).isTrue();
                Instant seen = rs.getObject(1, OffsetDateTime.class).toInstant();
                assertThat(rs.next()).as("only one open session of " + address).isFalse();
                return seen;
            }
        }
    }

    private void execute(String sql, String argument) throws Exception {
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, argument);
            assertThat(ps.executeUpdate()).isPositive();
        }
    }

    /** Scrolls the sessions section into view for the screenshot a person looks at. */
    private static Browser showSessions(Browser browser) {
        browser.driver().executeScript("document.getElementById('sessions-heading').scrollIntoView()");
        return browser;
    }

    private static List<String> sessionRows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("table.sessions tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<WebElement> endButtons(Browser browser) {
        return browser.driver().findElements(By.cssSelector("table.sessions [id$='end-session']"));
    }

    /** The handles of the account's open sessions, read from the database as an insider could. */
    private List<String> openHandles(String address) throws Exception {
        List<String> handles = new ArrayList<>();
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement("""
                SELECT s.handle FROM portal_session s JOIN account a ON a.id = s.account_id
                WHERE a.email = ? AND s.ended_at IS NULL""")) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handles.add(rs.getString(1));
                }
            }
        }
        return handles;
    }

    private static void signIn(Browser browser, String address) {
        browser.open("/login.xhtml")
                .type("email", address)
                .type("password", PASSWORD)
                .click("submit");
        assertThat(browser.text()).contains("Signed in as " + address);
    }

    /** A new recipient registered in this browser, which is then signed in. */
    private String registerIn(Browser browser, String purpose) throws Exception {
        String address = Recipients.newAddress(purpose);
        String link = Recipients.firstMessageAndLink(bridge, address, "s");
        Recipients.register(browser, link, address, PASSWORD);
        return address;
    }
}
