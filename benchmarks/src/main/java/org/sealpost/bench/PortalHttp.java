package org.sealpost.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The portal's pages as a load driver uses them: sessions, JSF view state, registration. */
final class PortalHttp {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** PrimeFaces' CSP script adds the page's nonce to every form; the server refuses a post without the same one. */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private static final Pattern LINK =
            Pattern.compile("https?://[^/\\s]+(/register\\.xhtml\\?token=[A-Za-z0-9_-]{43})");

    private PortalHttp() {}

    /** A client with a session of its own. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.valueOf(System.getProperty("bench.http", "HTTP_1_1")))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A client that keeps no cookies: the caller carries the session ({@link #sessionCookie}). */
    static HttpClient clientWithoutCookies() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * The {@code name=value} of the session cookie the response set, or null: a page kept no
     * state on the server (the sign-in page, ADR 0034) sets none.
     */
    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0])
                .findFirst()
                .orElse(null);
    }

    static String get(HttpClient http, String url) throws Exception {
        return fetch(http, url).body();
    }

    /** A GET with its status and headers, for drivers that check the answer. */
    static HttpResponse<String> fetch(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
        return post(http, url, form, null);
    }

    /** A form POST; {@code cookie} ({@code name=value}, or null) for a client that keeps none. */
    static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form, String cookie)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no view state in the page");
        }
        return m.group(1);
    }

    /** The view state and, where the page has one, the CSP nonce of a form read from {@code page}. */
    static Map<String, String> withPageState(String page, Map<String, String> fields) {
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        form.put("jakarta.faces.ViewState", viewState(page));
        Matcher nonce = NONCE.matcher(page);
        if (nonce.find()) {
            form.put("primefaces.nonce", nonce.group(1));
        }
        return form;
    }

    /** Waits for the registration mail to the address in the development mailbox. */
    static String registrationLink(Path mailbox, String user, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(mailbox)) {
                // The newest link mail: a burst of mail to a new address gives it a first
                // notification at once and a second after the quiet period, whose link supersedes
                // the first one's (OneTimeTokens); Files.list has no order.
                String newest = null;
                long newestAt = Long.MIN_VALUE;
                try (Stream<Path> files = Files.list(mailbox)) {
                    for (Path f :
                            files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                        String mail = Files.readString(f);
                        Matcher m = LINK.matcher(mail);
                        long at = Files.getLastModifiedTime(f).toMillis();
                        if (mail.contains("To: " + user + "\r") && m.find() && at >= newestAt) {
                            newest = m.group(1);
                            newestAt = at;
                        }
                    }
                }
                if (newest != null) {
                    return newest;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no registration mail for " + user + " in " + mailbox);
    }

    /** Registers through the link; the returned client is signed in (registration signs in). */
    static HttpClient register(String base, String link, String password) throws Exception {
        HttpClient http = client();
        String form = get(http, base + link);
        HttpResponse<String> r = post(
                http,
                base + link,
                withPageState(
                        form,
                        Map.of(
                                "choose",
                                "choose",
                                "choose:password",
                                password,
                                "choose:confirmation",
                                password,
                                "choose:submit",
                                "")));
        if (r.statusCode() != 302) {
            throw new IllegalStateException(
                    "registration answered " + r.statusCode() + ": " + InboxBenchmark.excerpt(r.body()));
        }
        return http;
    }

    /** What the login form posts besides its page state. */
    static Map<String, String> signInFields(String user, String password) {
        return Map.of("signin", "signin", "signin:email", user, "signin:password", password, "signin:submit", "");
    }

    /** Signs in through the login form; the returned client holds the signed-in session. */
    static HttpClient signIn(String base, String user, String password) throws Exception {
        HttpClient http = client();
        String page = get(http, base + "/login.xhtml");
        HttpResponse<String> r = post(http, base + "/login.xhtml", withPageState(page, signInFields(user, password)));
        if (r.statusCode() != 302
                || !r.headers().firstValue("Location").orElse("").contains("/inbox.xhtml")) {
            throw new IllegalStateException("sign-in of " + user + " answered " + r.statusCode());
        }
        return http;
    }
}
