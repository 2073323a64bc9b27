package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The absolute session lifetime ({@code SEALPOST_SESSION_MAX_AGE}, 12 hours by default): a
 * session that is busy all along still ends once its registry row is that old. The row's
 * sign-in time is moved back instead of waiting twelve hours.
 */
@RunAsClient
class SessionLifetimeIT extends PortalClientTest {

    private static final String PASSWORD = "a session lifetime passphrase";
    private static final Map<String, String> NO_HEADERS = Map.of();

    private final StoredMessages store = new StoredMessages();

    @Test
    void aBusySessionEndsOnceItIsTwelveHoursOldAndSaysWhy() throws Exception {
        String address = Recipients.activeAccount(store, "lifetime", PASSWORD);
        SignInClient client = new SignInClient(portal.toString(), "127.0.0.10", null);
        assertThat(client.signIn(address, PASSWORD, NO_HEADERS)).isTrue();
        assertThat(client.get("inbox.xhtml", NO_HEADERS).statusCode()).isEqualTo(200);

        // Eleven hours and 59 minutes in, active a minute ago: it goes on.
        age(address, "11 hours 59 minutes");
        assertThat(client.get("inbox.xhtml", NO_HEADERS).statusCode()).isEqualTo(200);

        age(address, "12 hours");
        var ended = client.get("inbox.xhtml", NO_HEADERS);
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/login.xhtml?ended=lifetime");
        assertThat(client.get("login.xhtml?ended=lifetime", NO_HEADERS).body())
                .contains("Your session reached its longest allowed length");
        assertThat(client.get("inbox.xhtml", NO_HEADERS).statusCode())
                .as("and it stays ended")
                .isEqualTo(302);
        assertThat(store.count("""
                SELECT count(*) FROM portal_session s JOIN account a ON a.id = s.account_id
                WHERE a.email = ? AND s.ended_at IS NOT NULL""", address)).isOne();
    }

    /** As if the session had signed in this long ago, and been busy until a minute ago. */
    private void age(String address, String interval) throws Exception {
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement("""
                UPDATE portal_session SET signed_in_at = now() - ?::interval, last_seen_at = now() - interval '1 minute'
                WHERE account_id = (SELECT id FROM account WHERE email = ?) AND ended_at IS NULL""")) {
            ps.setString(1, interval);
            ps.setString(2, address);
            assertThat(ps.executeUpdate()).isOne();
        }
    }
}
