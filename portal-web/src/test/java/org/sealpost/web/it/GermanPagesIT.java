package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
        assertThat(r.body())
                .contains("lang=\"de\"")
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
        assertThat(r.body())
                .contains("lang=\"en\"")
                .contains("<h1>Sign in</h1>")
                .doesNotContain("Anmelden");
    }

    @Test
    void aGermanBrowserGetsTheErrorPagesInGerman() throws Exception {
        HttpResponse<String> r = get("no-such-page.xhtml", "de");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body())
                .contains("lang=\"de\"")
                .contains("Seite nicht gefunden")
                .doesNotContain("Page not found");
    }

    /**
     * Signed in, the folder pages speak German too, and the dates and sizes on them come from the
     * German bundle's patterns in the German locale: the line's full date (its tooltip) has a
     * German month name, the size a German unit.
     */
    @Test
    void aGermanRecipientsInboxShowsGermanDatesAndSizes() throws Exception {
        Map<String, String> german = Map.of("Accept-Language", "de-DE,de;q=0.9");
        String address = Recipients.newAddress("german");
        String subject = "Kontoauszug " + UUID.randomUUID().toString().substring(0, 6);
        bridge.sendRaw(BridgeClient.message(UUID.randomUUID() + "@bank.example", subject, "b", true), address);
        String link = CapturedMail.awaitLink(address, Recipients.REGISTRATION_LINK, 0, Duration.ofSeconds(60));
        SignInClient client = new SignInClient(portal.toString(), "127.0.0.1", null);
        String password = "ein langes deutsches Kennwort";

        HttpResponse<String> registered = client.submit(
                link.substring(1),
                "choose",
                Map.of("choose:password", password, "choose:confirmation", password, "choose:submit", ""),
                german);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        HttpResponse<String> inbox = client.get("inbox.xhtml", german);

        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body())
                .contains("lang=\"de\"")
                .contains("Posteingang")
                .contains("Angemeldet als")
                .contains(subject)
                .containsPattern("title=\"\\d{1,2}\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September"
                        + "|Oktober|November|Dezember) \\d{4}, \\d{2}:\\d{2}\"")
                .containsPattern(">\\d+ (Byte|KB)<")
                .doesNotContain("Inbox");
    }

    private HttpResponse<String> get(String page, String acceptLanguage) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(portal.toString() + page)).GET();
        if (!acceptLanguage.isEmpty()) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
