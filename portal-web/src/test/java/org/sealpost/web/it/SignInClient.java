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

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("<form id=\"signin\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;

    SignInClient(String base, String sourceAddress, SSLContext tls) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder().localAddress(InetAddress.getByName(sourceAddress))
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
        this.base = base;
    }

    /** Signs in; true when the portal answered with the redirect to the inbox. */
    boolean signIn(String address, String password, Map<String, String> extraHeaders) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "login.xhtml")).GET(), extraHeaders);
        Matcher state = VIEW_STATE.matcher(page.body());
        Matcher action = ACTION.matcher(page.body());
        if (!state.find() || !action.find()) {
            throw new IllegalStateException("no sign-in form in " + page.statusCode() + ": " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signin", "signin");
        form.put("signin:email", address);
        form.put("signin:password", password);
        form.put("signin:submit", "");
        form.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base).resolve(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), extraHeaders);
        return answer.statusCode() == 302
                && answer.headers().firstValue("Location").orElse("").contains("/inbox.xhtml");
    }

    HttpResponse<String> get(String page, Map<String, String> extraHeaders) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + page)).GET(), extraHeaders);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> extraHeaders) throws Exception {
        extraHeaders.forEach(request::header);
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
