package org.sealpost.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sign-ins per second through the real login form (JSF view state, Argon2id verify, session
 * renewal, redirect to the inbox) from T concurrent clients, each sign-in on a new session.
 * Sets up its own account: mails one message in over the bridge, registers through the link
 * that lands in the development mailbox.
 */
public final class LoginBenchmark {

    private static final String PASSWORD = "benchmark passphrase for sign-ins";

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchOptions.parse(args);
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
                        HttpClient http = PortalHttp.client();
                        String page = PortalHttp.get(http, base + "/login.xhtml");
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = PortalHttp.post(http, base + "/login.xhtml", Map.of("signin", "signin",
                                "signin:email", user, "signin:password", PASSWORD, "signin:submit", "",
                                "jakarta.faces.ViewState", PortalHttp.viewState(page)));
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
        PortalHttp.register(base, PortalHttp.registrationLink(mailbox, user, Duration.ofSeconds(60)), PASSWORD);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
