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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sign-ins per second through the real login form (JSF view state, Argon2id verify, session
 * renewal, redirect to the inbox) from T concurrent clients, each sign-in on a new session.
 * Sets up its own account: mails one message in over the bridge, registers through the link
 * that lands in the development mailbox.
 */
public final class LoginBenchmark {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/register\\.xhtml\\?token=[A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "benchmark passphrase for sign-ins";

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = a.getOrDefault("base", "http://127.0.0.1:8080");
        int smtpPort = Integer.parseInt(a.getOrDefault("smtp-port", "2525"));
        Path mailbox = Path.of(a.getOrDefault("mailbox", "data/dev-mailbox/mail"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "8"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));

        String user = "login.bench." + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        register(base, smtpPort, mailbox, user);

        // Warm-up: JIT, Argon2 memory, JSF view handling.
        run(base, user, threads, 5);
        run(base, user, threads, seconds).print(threads);
    }

    record Result(int ok, int failed, long[] latenciesNanos, double seconds) {
        void print(int threads) {
            long[] sorted = Arrays.copyOf(latenciesNanos, ok);
            Arrays.sort(sorted);
            System.out.printf("login: %d threads, %.0f s: %.1f sign-ins/s; sign-in POST latency p50 %.0f ms, p95 %.0f ms, "
                    + "p99 %.0f ms; %d failed%n", threads, seconds, ok / seconds, pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), failed);
        }
    }

    static Result run(String base, String user, int threads, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean reported = new AtomicBoolean();
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpClient http = client();
                        String page = get(http, base + "/login.xhtml");
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = post(http, base + "/login.xhtml", Map.of("signin", "signin",
                                "signin:email", user, "signin:password", PASSWORD, "signin:submit", "",
                                "jakarta.faces.ViewState", viewState(page)));
                        long elapsed = System.nanoTime() - t0;
                        if (r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").contains("/inbox.xhtml")) {
                            latencies.add(elapsed);
                        } else {
                            failed.incrementAndGet();
                            if (reported.compareAndSet(false, true)) {
                                System.err.println("login: unexpected answer " + r.statusCode() + " " + r.headers().map());
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Result(l.length, failed.get(), l, elapsed);
    }

    private static void register(String base, int smtpPort, Path mailbox, String user) throws Exception {
        try (SmtpClient smtp = SmtpClient.connectWithStartTls("127.0.0.1", smtpPort)) {
            int code = smtp.send("advisor@bank.example", user,
                    TestMail.build(UUID.randomUUID() + "@bench.invalid", "advisor@bank.example", user,
                            "X-Sealpost-Encrypt: yes", 2048));
            if (code != 250) {
                throw new IllegalStateException("the bridge answered " + code);
            }
        }
        String link = null;
        for (int i = 0; i < 300 && link == null; i++) {
            Thread.sleep(200);
            if (Files.isDirectory(mailbox)) {
                try (Stream<Path> files = Files.list(mailbox)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                        String mail = Files.readString(f);
                        Matcher m = LINK.matcher(mail);
                        if (mail.contains("To: " + user) && m.find()) {
                            link = m.group(1);
                        }
                    }
                }
            }
        }
        if (link == null) {
            throw new IllegalStateException("no registration mail for " + user + " in " + mailbox);
        }
        HttpClient http = client();
        String form = get(http, base + link);
        HttpResponse<String> r = post(http, base + link, Map.of("choose", "choose", "choose:password", PASSWORD,
                "choose:confirmation", PASSWORD, "choose:submit", "", "jakarta.faces.ViewState", viewState(form)));
        if (r.statusCode() != 302) {
            throw new IllegalStateException("registration answered " + r.statusCode());
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no view state in the page");
        }
        return m.group(1);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
