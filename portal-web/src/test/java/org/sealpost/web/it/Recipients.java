package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.sealpost.portal.account.password.PasswordHasher;

/** Recipients for container tests: fresh addresses, their first mail, their registration. */
final class Recipients {

    /** The registration link of a notification; group 1 is the part after the host. */
    static final String REGISTRATION_LINK = "https?://[^/\\s]+(/register\\.xhtml\\?token=[A-Za-z0-9_-]{43})";

    private Recipients() {}

    /** An address no other test uses. */
    static String newAddress(String purpose) {
        return purpose + "." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
    }

    /**
     * An ACTIVE recipient account with {@code password}, written straight into the database as
     * registration would write it: for tests about signing in, not about registering.
     */
    static String activeAccount(StoredMessages store, String purpose, String password) throws Exception {
        String address = newAddress(purpose);
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO account (email, role, state, password_hash) VALUES (?, 'RECIPIENT', 'ACTIVE', ?)")) {
            ps.setString(1, address);
            ps.setString(2, new PasswordHasher().hash(password.toCharArray()));
            ps.executeUpdate();
        }
        return address;
    }

    /** Sends the address a flagged message and waits for its notification's registration link. */
    static String firstMessageAndLink(BridgeClient bridge, String address, String subject) throws Exception {
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", subject, "b", true), address);
        return CapturedMail.awaitLink(address, REGISTRATION_LINK, 0, Duration.ofSeconds(60));
    }

    /** Registers through the link in the browser, which is then signed in. */
    static void register(Browser browser, String link, String address, String password) throws Exception {
        browser.open(link)
                .type("password", password)
                .type("confirmation", password)
                .click("submit");
        assertThat(browser.text()).contains("Signed in as " + address);
    }

    /** A recipient who received a message and registered; the browser used for it is closed. */
    static String registered(String portal, BridgeClient bridge, String purpose, String password) throws Exception {
        String address = newAddress(purpose);
        String link = firstMessageAndLink(bridge, address, "s");
        try (Browser browser = new Browser(portal, purpose + "-register")) {
            register(browser, link, address, password);
        }
        return address;
    }
}
