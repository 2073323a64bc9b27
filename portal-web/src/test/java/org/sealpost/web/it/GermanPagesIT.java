package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portal speaks the browser's language: JSF picks the view's locale from Accept-Language
 * (RFC 9110, section 12.5.4) among faces-config's supported locales, and the page says which
 * language it is in ({@code <html lang>}, WCAG 3.1.1) so screen readers pronounce it right.
 */
@RunAsClient
class GermanPagesIT extends PortalClientTest {

    @Test
    void aGermanBrowserGetsTheSignInPageInGerman() throws Exception {
        HttpResponse<String> r = get("login.xhtml", "de-DE,de;q=0.9,en;q=0.8");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("lang=\"de\"")
                .contains("<title>Anmelden – Sealpost: sichere Nachrichten</title>")
                .contains("<h1>Anmelden</h1>")
                .contains("E-Mail-Adresse")
                // Umlauts intact from the UTF-8 bundle to the UTF-8 response.
                .contains("Passwort vergessen oder neuen Registrierungslink benötigt?")
                .doesNotContain("Sign in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-GB,en;q=0.9", "fr-FR,fr;q=0.9", ""})
    void anyOtherBrowserGetsEnglish(String acceptLanguage) throws Exception {
        HttpResponse<String> r = get("login.xhtml", acceptLanguage);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("lang=\"en\"").contains("<h1>Sign in</h1>").doesNotContain("Anmelden");
    }

    @Test
    void aGermanBrowserGetsTheErrorPagesInGerman() throws Exception {
        HttpResponse<String> r = get("no-such-page.xhtml", "de");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("lang=\"de\"").contains("Seite nicht gefunden").doesNotContain("Page not found");
    }

    private HttpResponse<String> get(String page, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.toString() + page)).GET();
        if (!acceptLanguage.isEmpty()) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
