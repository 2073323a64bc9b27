package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The sign-in page keeps nothing on the server (ADR 0034): opening it, the landing page or the
 * forgotten-password page makes no session, and a wrong password makes none either. What its
 * server-side state used to give for free, that another site's page cannot post the form (login
 * CSRF), the browser's own headers now give: {@code Sec-Fetch-Site} and {@code Origin}.
 */
@RunAsClient
class CrossSiteFormsIT extends PortalClientTest {

    private static final String PASSWORD = "a cross-site forms passphrase";

    private final StoredMessages store = new StoredMessages();

    @Test
    void aSignInPostedFromAnotherSitesPageIsRefusedAndSignsNobodyIn() throws Exception {
        String address = account("cross-site");
        List<Map<String, String>> forged = List.of(
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://attacker.example"),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", "https://mail.attacker.example"),
                // A browser without Fetch Metadata: the origin alone decides.
                Map.of("Origin", "https://attacker.example"),
                // A sandboxed frame's post has an opaque origin (RFC 6454 §7.3).
                Map.of("Origin", "null"));
        for (Map<String, String> headers : forged) {
            SignInClient browser = new SignInClient(portal.toString(), "127.0.0.1", null);

            HttpResponse<String> posted = browser.submit("login.xhtml", "signin", fields(address), headers);

            assertThat(posted.statusCode()).as(headers.toString()).isEqualTo(403);
            assertThat(posted.headers().allValues("Set-Cookie"))
                    .as(headers.toString())
                    .isEmpty();
            assertThat(posted.body()).contains("<html").doesNotContain("Exception");
        }
        assertThat(store.count("""
                SELECT count(*) FROM portal_session s JOIN account a ON a.id = s.account_id WHERE a.email = ?""", address)).isZero();
        assertThat(store.count("SELECT count(*) FROM audit_event WHERE action = 'SIGNED_IN' AND actor = ?", address))
                .isZero();
    }

    @Test
    void theSameSignInFromThePortalsOwnPageSignsIn() throws Exception {
        String address = account("same-origin");
        String origin = portal.getProtocol() + "://" + portal.getAuthority();
        for (Map<String, String> headers : List.of(
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", origin),
                Map.of("Origin", origin),
                // Typed or bookmarked by the person: no site made the request.
                Map.of("Sec-Fetch-Site", "none"))) {
            SignInClient browser = new SignInClient(portal.toString(), "127.0.0.1", null);

            HttpResponse<String> posted = browser.submit("login.xhtml", "signin", fields(address), headers);

            assertThat(posted.statusCode()).as(headers.toString()).isEqualTo(302);
            assertThat(posted.headers().firstValue("Location").orElse("")).contains("/inbox.xhtml");
            assertThat(sessionCookies(posted))
                    .as("the session is made by the sign-in")
                    .singleElement()
                    .satisfies(cookie -> assertThat(cookie)
                            .startsWith("JSESSIONID=")
                            .contains("SameSite=Strict")
                            .contains("HttpOnly"));
            assertThat(browser.get("inbox.xhtml", headers).body()).contains("id=\"signed-in-as\"", address);
        }
    }

    @Test
    void theAnonymousPagesAndAWrongPasswordLeaveNoSessionOnTheServer() throws Exception {
        SignInClient browser = new SignInClient(portal.toString(), "127.0.0.1", null);
        for (String page : List.of("", "login.xhtml", "forgot.xhtml", "login.xhtml?signedOut=true", "no-such-page")) {
            HttpResponse<String> shown = browser.get(page, Map.of());

            assertThat(sessionCookies(shown)).as(page).isEmpty();
        }

        HttpResponse<String> refused =
                browser.submit("login.xhtml", "signin", fields(Recipients.newAddress("nobody")), Map.of());

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"signin\"").contains("message-error");
        assertThat(sessionCookies(refused)).isEmpty();
    }

    private static List<String> sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .toList();
    }

    private static Map<String, String> fields(String address) {
        return Map.of("signin:email", address, "signin:password", PASSWORD, "signin:submit", "");
    }

    private String account(String name) throws Exception {
        return Recipients.activeAccount(store, name, PASSWORD);
    }
}
