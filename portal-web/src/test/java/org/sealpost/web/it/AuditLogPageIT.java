package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The audit page in the browser: an administrator finds an account's events with the filter,
 * sees the portal's own start-up warm-up only when asking for it, verifies the chain (intact),
 * and after an UPDATE made directly in the database the same button names the changed event.
 */
@RunAsClient
class AuditLogPageIT extends PortalClientTest {

    private static final String PASSWORD = "audit page passphrase of the test";

    private final StoredMessages store = new StoredMessages();

    @Test
    void anAdministratorFiltersTheLogAndTheChainCheckNamesARowChangedInTheDatabase() throws Exception {
        String recipient = Recipients.registered(portal.toString(), bridge, "audited", PASSWORD);
        try (Browser recipientsBrowser = new Browser(portal.toString(), "audit-log-recipient")) {
            recipientsBrowser
                    .open("/login.xhtml")
                    .type("email", recipient)
                    .type("password", PASSWORD)
                    .click("submit");
            recipientsBrowser.open("/admin/audit.xhtml");
            assertThat(recipientsBrowser.text())
                    .doesNotContain("Audit log")
                    .containsAnyOf("403", "Forbidden", "not allowed");
        }
        try (Browser browser = new Browser(portal.toString(), "audit-log")) {
            String admin = Recipients.newAddress("auditor");
            Recipients.register(browser, Recipients.firstMessageAndLink(bridge, admin, "s"), admin, PASSWORD);
            update("UPDATE account SET role = 'ADMIN' WHERE email = ?", admin);
            browser.click("signout:submit");
            browser.open("/login.xhtml")
                    .type("email", admin)
                    .type("password", PASSWORD)
                    .click("submit");

            // What a start's warm-up leaves (ADR 0039): its reader's sign-in and its deletion.
            String reader = "reader-" + java.util.UUID.randomUUID() + "@warm-up.invalid";
            insert(reader, "SIGNED_IN");
            insert("warm-up", "ACCOUNT_DELETED");
            browser.open("/admin/audit.xhtml");
            assertThat(browser.find("log:events").getText())
                    .as("the newest events, the warm-up's left out")
                    .contains(admin)
                    .doesNotContain(reader, "warm-up");
            browser.press("filter:warm-up").click("filter:apply");
            assertThat(browser.find("log:events").getText())
                    .as("the newest events with the warm-up's")
                    .contains(reader, "warm-up");
            browser.click("filter:clear");

            browser.type("filter:account", recipient).click("filter:apply");
            browser.screenshot("audit-filtered");
            assertThat(browser.find("log:events").getText())
                    .contains("Registered", recipient)
                    .doesNotContain(admin);

            browser.click("chain:verify");
            assertThat(browser.find("messages").getText())
                    .contains("The chain is intact")
                    .containsPattern(
                            "anchor outside the portal to show later that the chain was not recomputed: [0-9]+:[0-9a-f]{64}");
            assertThat(browser.find("last-check").getText()).contains("Last check:", admin, "intact");

            long seq = store.count("""
                    SELECT chain_seq FROM audit_event WHERE actor = ? AND action = 'REGISTERED'""", recipient);
            String detail = text("SELECT detail FROM audit_event WHERE chain_seq = ?", seq);
            update("UPDATE audit_event SET detail = 'edited' WHERE chain_seq = ?", seq);
            try {
                browser.click("chain:verify");
                browser.screenshot("audit-broken");
                assertThat(browser.find("messages").getText())
                        .contains("The chain is broken at sequence " + seq + ": event")
                        .contains("was changed after it was linked");
            } finally {
                // The other container tests share this database: leave the chain as it was.
                update("UPDATE audit_event SET detail = ? WHERE chain_seq = ?", detail, seq);
            }
        }
    }

    /** An event as the portal's warm-up records one, from loopback, now. */
    private void insert(String actor, String action) throws Exception {
        update(
                "INSERT INTO audit_event (actor, action, target_type, target_id, client_address)"
                        + " VALUES (?, ?, 'account', '0', '127.0.0.1')",
                actor,
                action);
    }

    private void update(String sql, Object... args) throws Exception {
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            assertThat(ps.executeUpdate()).isOne();
        }
    }

    private String text(String sql, Object arg) throws Exception {
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
