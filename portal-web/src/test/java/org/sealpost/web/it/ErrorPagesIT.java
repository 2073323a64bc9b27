package org.sealpost.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error a person can meet is the portal's own page, in its language and look, and
 * neither the page nor the headers name the server or show how it failed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorPagesIT {

    private static final String PASSWORD = "error pages passphrase of the test";

    /** Its own deployment: the WAR plus a servlet that fails on request. */
    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.withTestClasses(FailingServlet.class);
    }

    @ArquillianResource
    URL portal;

    private final BridgeClient bridge = BridgeClient.forContainer();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, no-such-page.xhtml, 404, Page not found",
        "GET, no/such/file.txt, 404, Page not found",
        "POST, it/fail, 405, Request not accepted",
        "GET, it/fail?throw, 500, Something went wrong",
        "GET, it/fail?status=500, 500, Something went wrong",
        "GET, it/fail?status=503, 503, Temporarily unavailable",
        "GET, it/fail?storage, 503, Temporarily unavailable",
        "GET, it/fail?status=403, 403, Not open to you"
    })
    void eachErrorIsThePortalsOwnPageNamingNeitherTheServerNorTheFailure(
            String method, String path, int status, String title) throws Exception {
        HttpResponse<String> r = http().send(
                        HttpRequest.newBuilder(URI.create(portal + path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(status);
        assertIsThePortalsErrorPage(r, status, title);
    }

    /**
     * A sign-in posted without the CSP nonce that the page's script adds to every post (a
     * crafted request) is answered 400 with the portal's page, whether the nonce is missing or
     * not one the portal could have made; before, PrimeFaces' refusal escaped as a 500.
     */
    @ParameterizedTest(name = "nonce {0}")
    @CsvSource(
            value = {"<none>", "not-base64!", "bm90IGEgdXVpZA=="},
            nullValues = "<none>")
    void aPostWithoutThePagesNonceIsABadRequestNotAFailure(String nonce) throws Exception {
        String form = "signin=signin&signin%3Aemail=a%40b.example&signin%3Apassword=wrong&signin%3Asubmit="
                + "&jakarta.faces.ViewState=stateless"
                + (nonce == null ? "" : "&primefaces.nonce=" + URLEncoder.encode(nonce, StandardCharsets.UTF_8));

        HttpResponse<String> r = http().send(
                        HttpRequest.newBuilder(URI.create(portal + "login.xhtml"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertIsThePortalsErrorPage(r, 400, "Request not understood");
    }

    /**
     * A page left open past the session's idle timeout (or a restart) has lost its server-side
     * view state; its post is that page again with a plain sentence (303 See Other, RFC 9110
     * §15.4.4: the browser fetches it with GET), not an error. The page here is a used or
     * mistyped registration link's "send me a new link" form; the sign-in page keeps no state on
     * the server and cannot expire (ADR 0034).
     */
    @Test
    void aFormPostedAfterItsSessionEndedIsShownAgainWithASentenceNotAnError() throws Exception {
        HttpResponse<String> posted = postNewLinkFormWithoutItsSession(false);

        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElse("");
        assertThat(location).endsWith("/register.xhtml?expired=true");
        HttpResponse<String> again = http().send(
                        HttpRequest.newBuilder(URI.create(portal.toString()).resolve(location))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body())
                .contains("id=\"page-expired\"")
                .contains("This page was open too long, so what you entered was not sent.")
                .contains("id=\"newlink\"");
    }

    /** The same for an Ajax post: a partial response that sends the page's script there. */
    @Test
    void anAjaxPostAfterItsSessionEndedIsToldToGoToThePageAgain() throws Exception {
        HttpResponse<String> posted = postNewLinkFormWithoutItsSession(true);

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body())
                .contains("<partial-response")
                .containsPattern("<redirect url=\"[^\"]*/register\\.xhtml\\?expired=true\"");
    }

    /** The new-link form, posted with its view state but not its session cookie: the session is gone. */
    private HttpResponse<String> postNewLinkFormWithoutItsSession(boolean ajax) throws Exception {
        HttpResponse<String> page = http().send(
                        HttpRequest.newBuilder(URI.create(portal + "register.xhtml?token=no-such-link"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher viewState = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        Matcher nonce =
                Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page.body());
        assertThat(page.body()).as("the unusable link's page").contains("id=\"newlink\"");
        assertThat(viewState.find() && nonce.find()).as("its form's state").isTrue();
        assertThat(viewState.group(1)).as("kept on the server").isNotEqualTo("stateless");
        String form = "newlink=newlink&newlink%3Aaddress=a%40b.example&newlink%3Asend="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8)
                + "&primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8)
                + (ajax ? "&jakarta.faces.partial.ajax=true&jakarta.faces.source=newlink%3Asend" : "");
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(portal + "register.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (ajax) {
            post.header("Faces-Request", "partial/ajax");
        }
        return http().send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDatabaseOutOfReachAsksTheBrowserToComeBackLater() throws Exception {
        HttpResponse<String> r = http().send(
                        HttpRequest.newBuilder(URI.create(portal + "it/fail?storage"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("30");
    }

    @Test
    void aRecipientOpeningTheAdministrationGetsThePortals403() throws Exception {
        String recipient = Recipients.newAddress("nosy");
        String link = Recipients.firstMessageAndLink(bridge, recipient, "s");
        String sessionCookie;
        try (Browser browser = new Browser(portal.toString(), "error-403")) {
            Recipients.register(browser, link, recipient, PASSWORD);
            browser.open("/admin/outbound.xhtml");
            assertThat(browser.text()).contains("Not open to you").doesNotContain("Undelivered mail");
            sessionCookie = browser.sessionCookie();
        }

        HttpResponse<String> r = http().send(
                        HttpRequest.newBuilder(URI.create(portal + "admin/outbound.xhtml"))
                                .header("Cookie", "JSESSIONID=" + sessionCookie)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(403);
        assertIsThePortalsErrorPage(r, 403, "Not open to you");
    }

    @Test
    void anOrdinaryPageNamesNeitherTheServerNorItsFrameworkInItsHeaders() throws Exception {
        HttpResponse<String> r = http().send(
                        HttpRequest.newBuilder(URI.create(portal + "login.xhtml"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertNoHeaderNamesTheServer(r);
    }

    /** HTTP/1.1, as a browser behind a proxy sees it: no h2c upgrade that might hide headers. */
    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static void assertIsThePortalsErrorPage(HttpResponse<String> r, int status, String title) {
        assertThat(r.body())
                .contains(
                        "<html",
                        "lang=\"en\"",
                        "Sealpost secure messages",
                        title,
                        "Error code",
                        Integer.toString(status),
                        "css/portal.css")
                .doesNotContainIgnoringCase("payara")
                .doesNotContainIgnoringCase("glassfish")
                .doesNotContain(FailingServlet.SECRET_DETAIL, "Exception", "\tat ", "HTTP Status");
        assertNoHeaderNamesTheServer(r);
    }

    private static void assertNoHeaderNamesTheServer(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(r.headers().firstValue("Server")).isEmpty();
        for (Map.Entry<String, List<String>> header : r.headers().map().entrySet()) {
            assertThat(String.join(" ", header.getValue()))
                    .as(header.getKey())
                    .doesNotContainIgnoringCase("payara")
                    .doesNotContainIgnoringCase("glassfish")
                    .doesNotContainIgnoringCase("grizzly");
        }
    }
}
