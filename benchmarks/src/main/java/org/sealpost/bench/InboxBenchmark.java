package org.sealpost.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed-in recipients reading: S sessions (one account each, M messages in each inbox) load
 * the inbox's first page and open a random message of theirs, in a closed loop for D seconds.
 * Seeds its own data through the bridge and registers through the development mailbox.
 */
public final class InboxBenchmark {

    private static final Pattern MESSAGE_LINK = Pattern.compile("message\\.xhtml\\?id=(\\d+)");
    static final String PASSWORD = "inbox benchmark passphrase";

    private InboxBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions a = BenchOptions.parse(args);
        String base = a.base();
        int sessions = a.number("sessions", 50);
        int perMailbox = a.number("messages", 1000);
        int seconds = a.number("seconds", 30);
        long thinkMillis = a.longNumber("think-ms", 0);
        // The same load first, unmeasured, for as long: a fresh portal's JIT is still compiling
        // the page code, and the target is about a portal that has been up for a while.
        int warmUp = a.number("warm-up", 30);

        // --reuse RUN signs in the accounts a previous run (which printed RUN) seeded and
        // registered, so a tuning loop does not reseed 50,000 messages each time.
        String reuse = a.get("reuse");
        String run = reuse != null ? reuse : UUID.randomUUID().toString().substring(0, 6);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            users.add("reader" + i + "." + run + "@client.example");
        }
        if (reuse == null) {
            long t0 = System.nanoTime();
            seed(a.smtpPort(), users, perMailbox);
            System.out.printf(
                    "inbox: seeded %d mailboxes x %d messages in %.0f s (run %s; --reuse %s signs them in again)%n",
                    sessions, perMailbox, (System.nanoTime() - t0) / 1e9, run, run);
        }

        if (reuse == null && a.has("db")) {
            // Register only once every notification of the burst is out: a later one carries a
            // new registration link and retires the earlier one.
            awaitBackgroundWork(a.get("db"), "seeding");
        }
        List<HttpClient> clients = new ArrayList<>();
        List<long[]> ids = new ArrayList<>();
        for (String user : users) {
            HttpClient http = reuse != null
                    ? PortalHttp.signIn(base, user, PASSWORD)
                    : PortalHttp.register(
                            base, PortalHttp.registrationLink(a.mailbox(), user, Duration.ofMinutes(2)), PASSWORD);
            clients.add(http);
            ids.add(messageIds(PortalHttp.get(http, base + "/inbox.xhtml")));
        }
        if (a.has("db")) {
            awaitBackgroundWork(a.get("db"), "sign-in");
        }
        drive(base, clients, ids, warmUp, seconds, thinkMillis);
    }

    /**
     * Seeding leaves the portal work to do after the last 250 (index every message, notify every
     * recipient). Queue rows an index has passed stay until the next pruning (ADR 0017), so only
     * the rows some index has not passed count. Reading is measured after it, as the target is about steady state; how long it
     * took is printed, since a burst of mail slowing reading for that long is a result too.
     */
    static void awaitBackgroundWork(String jdbcUrl, String since) throws Exception {
        long t0 = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
                java.sql.PreparedStatement ps = c.prepareStatement("""
                        SELECT (SELECT count(*) FROM search_index_queue q WHERE EXISTS (SELECT 1
                                    FROM search_index_follower f WHERE (q.tx, q.id) > (f.through_tx, f.through_id)))
                             + (SELECT count(*) FROM outbound_mail WHERE state = 'QUEUED')""")) {
            while (true) {
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf(
                "inbox: background work (search indexing, notifications) done %.0f s after %s%n",
                (System.nanoTime() - t0) / 1e9, since);
    }

    /** 20 messages per connection, 8 connections, round-robin over the mailboxes. */
    static void seed(int smtpPort, List<String> users, int perMailbox) throws Exception {
        AtomicInteger next = new AtomicInteger();
        int total = users.size() * perMailbox;
        Thread[] workers = new Thread[8];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = Thread.ofPlatform().start(() -> {
                try {
                    while (next.get() < total) {
                        try (SmtpClient smtp = SmtpClient.connectWithStartTls("127.0.0.1", smtpPort)) {
                            for (int k = 0; k < 20; k++) {
                                int n = next.getAndIncrement();
                                if (n >= total) {
                                    break;
                                }
                                String to = users.get(n % users.size());
                                smtp.send(
                                        "advisor@bank.example",
                                        to,
                                        TestMail.build(
                                                UUID.randomUUID() + "@bench.invalid",
                                                "advisor@bank.example",
                                                to,
                                                "X-Sealpost-Encrypt: yes",
                                                4096));
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    static long[] messageIds(String inboxPage) {
        Matcher m = MESSAGE_LINK.matcher(inboxPage);
        List<Long> found = new ArrayList<>();
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no message links in the inbox page");
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * One continuous run: every session starts at a random point of its first think time, and
     * only requests that start after the warm-up count. Starting all sessions at once (or
     * restarting them for the measurement) would put one burst of S simultaneous inbox requests
     * at the front of the measurement, which is what the tail of the first runs was made of.
     */
    private static void drive(
            String base, List<HttpClient> clients, List<long[]> ids, int warmUpSeconds, int seconds, long think)
            throws InterruptedException {
        long start = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
        long end = start + seconds * 1_000_000_000L;
        List<Long> inbox = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> view = java.util.Collections.synchronizedList(new ArrayList<>());
        SessionCrowd crowd = new SessionCrowd("inbox: first error: ");
        crowd.run(clients.size(), s -> {
            HttpClient http = clients.get(s);
            long[] mine = ids.get(s);
            if (think > 0) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(think));
            }
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                var response = PortalHttp.fetch(http, base + "/inbox.xhtml");
                String page = response.body();
                if (t >= start) {
                    inbox.add(System.nanoTime() - t);
                }
                if (!page.contains("message.xhtml?id=")) {
                    crowd.report("inbox page " + response.statusCode() + " for session " + mine[0] + " headers "
                            + response.headers().map() + ": " + excerpt(page));
                }
                SessionCrowd.pause(think);
                long id = mine[ThreadLocalRandom.current().nextInt(mine.length)];
                t = System.nanoTime();
                var viewed = PortalHttp.fetch(http, base + "/message.xhtml?id=" + id);
                String message = viewed.body();
                if (t >= start) {
                    view.add(System.nanoTime() - t);
                }
                if (!message.contains("body-")) {
                    crowd.report("message page " + viewed.statusCode() + ": " + excerpt(message));
                }
                SessionCrowd.pause(think);
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "inbox: %d sessions, %d s after %d s warm-up, think %d ms: inbox page %.0f req/s p50 %.0f / p95 %.0f / p99 %.0f ms; "
                        + "message view %.0f req/s p50 %.0f / p95 %.0f / p99 %.0f ms; %d errors%n",
                clients.size(),
                seconds,
                warmUpSeconds,
                think,
                inbox.size() / elapsed,
                pct(inbox, 50),
                pct(inbox, 95),
                pct(inbox, 99),
                view.size() / elapsed,
                pct(view, 50),
                pct(view, 95),
                pct(view, 99),
                crowd.errors());
    }

    static String excerpt(String html) {
        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        return text.substring(0, Math.min(600, text.length()));
    }

    private static double pct(List<Long> values, int p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        if (sorted.length == 0) {
            return 0;
        }
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
