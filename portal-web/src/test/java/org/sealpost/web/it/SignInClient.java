package org.sealpost.web.it;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The sign-in form driven over plain HTTP from a chosen loopback source address (Linux routes
 * all of 127.0.0.0/8 to loopback), so one test can be several clients.
 */
final class SignInClient {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** PrimeFaces' script adds the page's CSP nonce to every form it posts. */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private final HttpClient http;
    private final String base;

    SignInClient(String base, String sourceAddress, SSLContext tls) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(sourceAddress))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
        this.base = base;
    }

    /**
     * Signs in; true when the portal answered with the redirect to the inbox, or to the
     * authenticator enrolment it offers a signed-in administrator in development.
     */
    boolean signIn(String address, String password, Map<String, String> extraHeaders) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin:email", address);
        fields.put("signin:password", password);
        fields.put("signin:submit", "");
        HttpResponse<String> answer = submit("login.xhtml", "signin", fields, extraHeaders);
        String location = answer.headers().firstValue("Location").orElse("");
        // An administrator without an authenticator in development is signed in and offered one (ADR 0013).
        return answer.statusCode() == 302
                && (location.contains("/inbox.xhtml")
                        || location.contains("/account/authenticator.xhtml?offered=true"));
    }

    /**
     * Opens {@code page} (relative to the portal) and submits its form {@code formId} with
     * {@code fields} (full client ids), as a browser would: the form's own action, its view state
     * and the page's CSP nonce.
     */
    HttpResponse<String> submit(
            String page, String formId, Map<String, String> fields, Map<String, String> extraHeaders) throws Exception {
        HttpResponse<String> shown =
                send(HttpRequest.newBuilder(URI.create(base + page)).GET(), extraHeaders);
        Matcher action = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"")
                .matcher(shown.body());
        if (!action.find()) {
            throw new IllegalStateException(
                    "no form " + formId + " in " + page + " (" + shown.statusCode() + "): " + shown.body());
        }
        Matcher state = VIEW_STATE.matcher(shown.body().substring(action.start()));
        if (!state.find()) {
            throw new IllegalStateException("no view state in form " + formId + " of " + page);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
        Matcher nonce = NONCE.matcher(shown.body());
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(URI.create(base).resolve(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                extraHeaders);
    }

    /** POSTs {@code fields} to {@code page} as a form would, without asking the page first: a crafted request. */
    HttpResponse<String> post(String page, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(URI.create(base + page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                Map.of());
    }

    HttpResponse<String> get(String page, Map<String, String> extraHeaders) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + page)).GET(), extraHeaders);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> extraHeaders) throws Exception {
        extraHeaders.forEach(request::header);
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
