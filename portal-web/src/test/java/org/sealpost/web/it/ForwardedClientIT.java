package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.account.password.PasswordHasher;

/**
 * The portal behind a real nginx terminating TLS on loopback, as the README deploys it, with
 * {@code SEALPOST_TRUSTED_PROXIES=127.0.0.1/32} (arquillian.xml): clients reach nginx from
 * different loopback addresses, nginx reaches the portal from 127.0.0.1. One client's flood of
 * wrong passwords throttles that client only; a client talking to the portal directly cannot
 * choose its address with a header.
 */
@RunAsClient
class ForwardedClientIT extends PortalClientTest {

    private static final String PASSWORD = "behind the proxy passphrase";
    private static final Map<String, String> NO_HEADERS = Map.of();

    private final StoredMessages store = new StoredMessages();
    private static NginxProxy nginx;
    private static String anna;

    /** Once per class, but after Arquillian has given the portal's address. */
    @BeforeEach
    void proxyAndAccount() throws Exception {
        if (nginx == null) {
            nginx = NginxProxy.inFrontOf(portal);
            anna = activeAccount("proxied");
        }
    }

    @Test
    void aRedirectThroughTheProxyNeverSendsTheBrowserToPlainHttp() throws Exception {
        SignInClient client = new SignInClient(nginx.base(), "127.0.0.9", nginx.sslContext());

        var answer = client.submit(
                "login.xhtml",
                "signin",
                Map.of("signin:email", anna, "signin:password", PASSWORD, "signin:submit", ""),
                NO_HEADERS);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow())
                .contains("/inbox.xhtml")
                .doesNotStartWith("http:");
    }

    /** An ACTIVE account with {@link #PASSWORD}, written as registration would write it. */
    private String activeAccount(String purpose) throws Exception {
        String address = Recipients.newAddress(purpose);
        String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
        try (Connection c = store.connect();
                PreparedStatement ps = c.prepareStatement("""
                INSERT INTO account (email, role, state, password_hash) VALUES (?, 'RECIPIENT', 'ACTIVE', ?)""")) {
            ps.setString(1, address);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return address;
    }

    @AfterAll
    static void stopProxy() throws Exception {
        if (nginx != null) {
            nginx.close();
            nginx = null;
        }
    }

    @Test
    void aFloodOfWrongPasswordsFromOneClientLeavesAnotherClientsCorrectSignInWorking() throws Exception {
        SignInClient attacker = new SignInClient(nginx.base(), "127.0.0.2", nginx.sslContext());
        SignInClient other = new SignInClient(nginx.base(), "127.0.0.3", nginx.sslContext());

        // More than the per-client limit (30 in 15 minutes), sprayed over addresses that are not
        // Anna's, so her account's own lock is not what is tested here.
        for (int i = 0; i < 35; i++) {
            assertThat(attacker.signIn(
                            "spray" + i + "." + UUID.randomUUID() + "@client.example",
                            "wrong " + i,
                            // Trying to escape the throttle by naming another client: nginx appends
                            // the real address, and the portal reads the rightmost untrusted hop.
                            Map.of("X-Forwarded-For", "198.51.100." + i)))
                    .isFalse();
        }
        assertThat(attacker.signIn(anna, PASSWORD, NO_HEADERS))
                .as("the flooding client itself is throttled")
                .isFalse();

        assertThat(other.signIn(anna, PASSWORD, NO_HEADERS))
                .as("another client behind the same proxy")
                .isTrue();
        var inbox = other.get("inbox.xhtml", NO_HEADERS);
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("<title>Inbox", anna);
        assertThat(inbox.headers().firstValue("Cache-Control"))
                .as("a signed-in page")
                .hasValue("no-store");

        assertThat(store.count("""
                SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_THROTTLED' AND client_address = ?""", "127.0.0.2")).isGreaterThanOrEqualTo(5);
        assertThat(store.count("""
                SELECT count(*) FROM audit_event WHERE action = 'SIGNED_IN' AND actor = ? AND client_address = '127.0.0.3'""", anna)).isOne();
        assertThat(store.count("""
                SELECT count(*) FROM portal_session s JOIN account a ON a.id = s.account_id
                WHERE a.email = ? AND s.client_address = '127.0.0.3'""", anna)).isOne();
        assertThat(store.count("SELECT count(*) FROM audit_event WHERE client_address LIKE '198.51.100.%'"))
                .as("no spoofed address recorded")
                .isZero();
    }

    @Test
    void aClientTalkingToThePortalDirectlyCannotChooseItsAddressOrSchemeWithHeaders() throws Exception {
        SignInClient direct = new SignInClient(portal.toString(), "127.0.0.4", null);
        Map<String, String> spoof = Map.of(
                "X-Forwarded-For", "127.0.0.5", "Forwarded", "for=127.0.0.5;proto=https", "X-Forwarded-Proto", "https");

        assertThat(direct.signIn("nobody." + UUID.randomUUID() + "@client.example", "wrong", spoof))
                .isFalse();

        assertThat(store.count(
                        "SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND client_address = ?",
                        "127.0.0.4"))
                .isOne();
        assertThat(store.count("SELECT count(*) FROM audit_event WHERE client_address = ?", "127.0.0.5"))
                .isZero();
        assertThat(direct.get("login.xhtml", spoof).headers().firstValue("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP, whatever the request claims")
                .isEmpty();
    }

    @Test
    void throughTheProxyTheClientsHttpsIsKnownAndEveryPageIsNotStored() throws Exception {
        SignInClient client = new SignInClient(nginx.base(), "127.0.0.6", nginx.sslContext());

        var page = client.get("login.xhtml", NO_HEADERS);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
