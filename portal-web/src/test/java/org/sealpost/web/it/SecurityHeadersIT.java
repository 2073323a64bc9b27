package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The headers every page answers with, signed in or not. */
@RunAsClient
class SecurityHeadersIT extends PortalClientTest {

    @ParameterizedTest
    @ValueSource(strings = {"login.xhtml", "forgot.xhtml", "register.xhtml?token=x", "index.xhtml"})
    void everyPageForbidsFramingSniffingReferrersAndForeignScripts(String page) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(portal.toString() + page))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        List<String> policies = r.headers().allValues("Content-Security-Policy");
        assertThat(policies)
                .anySatisfy(p -> assertThat(p)
                        .contains("frame-ancestors 'none'")
                        .contains("object-src 'none'")
                        .contains("base-uri 'none'")
                        .contains("form-action 'self'"));
        assertThat(r.statusCode()).isEqualTo(200);
        // PrimeFaces' own policy: scripts only with this response's nonce, no 'unsafe-inline'.
        assertThat(policies)
                .anySatisfy(p -> assertThat(p)
                        .containsPattern("script-src 'self' 'nonce-[^']+'")
                        .doesNotContain("unsafe-inline"));
        // A browser enforces every policy it gets: none may loosen scripts, not even beside a stricter one.
        assertThat(policies)
                .allSatisfy(p -> assertThat(p)
                        .doesNotContain("unsafe-eval")
                        .doesNotContainPattern("script-src[^;]*'unsafe-inline'")
                        .doesNotContainPattern("default-src[^;]*'unsafe-inline'"));
    }

    /** Signed out, a mailbox page is never rendered: Jakarta Security redirects before any content. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "inbox.xhtml",
                "sent.xhtml",
                "trash.xhtml",
                "message.xhtml?id=1",
                "attachment?entry=1&part=2",
                "account/settings.xhtml",
                "admin/outbound.xhtml",
                "compose.xhtml?reply=1",
                "drafts.xhtml"
            })
    void signedOutTheMailboxPagesOnlyRedirectToSignIn(String page) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(portal.toString() + page))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/login.xhtml");
        assertThat(r.body()).doesNotContain("Sealpost secure messages");
    }
}
