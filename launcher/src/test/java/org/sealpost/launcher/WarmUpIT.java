package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up before readiness (ADR 0020, ADR 0027, ADR 0033) on the real portal, started by the
 * launcher: off, it is not run and readiness never waits for it; on, {@code /health/ready} stays
 * DOWN while it runs, each worker's reader signs in through the sign-in page and reads its inbox
 * and messages through the real pages, and the readers are gone when it ends: no account,
 * session, token, message, mail or search work beyond what the same restart without it leaves.
 * What stays is what any account leaves, its audit events and counted sign-in, all naming the
 * warm-up; the rehearsed sign-ins of every round (rolled back) leave nothing.
 */
class WarmUpIT {

    /** Every table a sign-in, a registration, a message or a mail would leave a row in. */
    private static final List<String> TRACES = List.of(
            "account",
            "portal_session",
            "one_time_token",
            "audit_event",
            "outbound_mail",
            "mailbox_entry",
            "message_content",
            "search_index_queue");

    @TempDir
    Path data;

    @Test
    void offItNeverRunsOnItReadinessWaitsForItAndItLeavesNoTrace() throws Exception {
        int http = FreePort.onLoopback();
        int db = FreePort.onLoopback();
        int metrics = FreePort.onLoopback();
        Map<String, String> env = new LinkedHashMap<>(Map.of(
                "SEALPOST_HTTP_PORT",
                Integer.toString(http),
                "SEALPOST_SMTP_PORT",
                Integer.toString(FreePort.onLoopback()),
                "SEALPOST_DEV_MAILBOX_PORT",
                Integer.toString(FreePort.onLoopback()),
                "SEALPOST_EMBEDDED_DB_PORT",
                Integer.toString(db),
                "SEALPOST_LOG_CONSOLE",
                "full",
                "SEALPOST_METRICS_ADDRESS",
                "127.0.0.1:" + metrics));

        env.put("SEALPOST_WARM_UP", "false");
        List<String> off = new ArrayList<>();
        Process first = launch(env);
        Map<String, Long> before;
        String logWhenReady;
        try {
            off.addAll(readinessUntilUp(first, http));
            logWhenReady = Files.readString(data.resolve("launcher.out"));
            before = counts(db);
            // A reader a node stopped during its warm-up left behind two hours ago.
            execute(
                    db,
                    "INSERT INTO account (email, role, state, created_at) VALUES"
                            + " ('reader-left@warm-up.invalid', 'RECIPIENT', 'ACTIVE', now() - interval '2 hours')");
        } finally {
            stop(first);
        }
        assertThat(off)
                .as("readiness with the warm-up off")
                .isNotEmpty()
                .allSatisfy(body -> assertThat(body).doesNotContain("\"warm-up\":\"running\""))
                .last()
                .asString()
                .contains("\"warm-up\":\"off\"");

        assertThat(logWhenReady)
                .as("the sign-in's singletons, made at start even without a warm-up and before any sign-in")
                .contains("sign-in prepared: identity stores and ");

        env.put("SEALPOST_WARM_UP", "true");
        env.put("SEALPOST_WARM_UP_TIME", "PT15S");
        env.put("SEALPOST_WARM_UP_WORKERS", "2");
        // Each worker's reader signs in once, and four more times in all after signing out.
        env.put("SEALPOST_WARM_UP_SIGN_INS", "6");
        Process second = launch(env);
        List<String> on;
        Map<String, Long> after;
        List<String> events;
        long queuedForLiveAccounts;
        String scraped;
        try {
            on = readinessUntilUp(second, http);
            // Readiness turns UP when the time is up; the round then running ends and logs after it.
            awaitInLog("warm-up done: ", 60);
            after = counts(db);
            events = auditEventsAfter(db, before.get("audit_event"));
            queuedForLiveAccounts =
                    count(db, "SELECT count(*) FROM search_index_queue q JOIN account a ON a.id = q.account_id");
            scraped = get("http://127.0.0.1:" + metrics + "/metrics", Map.of()).body();
        } finally {
            stop(second);
        }
        assertThat(on)
                .as("readiness while the warm-up runs")
                .anySatisfy(body -> assertThat(body).contains("\"status\":\"DOWN\"", "\"warm-up\":\"running\""))
                .last()
                .asString()
                .contains("\"status\":\"UP\"", "\"warm-up\":\"done\"");
        Matcher done = Pattern.compile("warm-up done: ([0-9]+) rounds and ([0-9]+) sign-ins")
                .matcher(Files.readString(data.resolve("launcher.out")));
        assertThat(done.find()).as("the warm-up's last line").isTrue();
        int rounds = Integer.parseInt(done.group(1));
        int again = Integer.parseInt(done.group(2));
        assertThat(rounds).isPositive();
        assertThat(again)
                .as("sign-ins after the workers' first: one per round until the four are done")
                .isEqualTo(Math.min(4, rounds));
        // The readers' messages were queued for the index when delivered and deleted; the
        // index's worker prunes those rows about once a minute, once every node has passed them.
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.keySet().removeAll(List.of("audit_event", "search_index_queue"));
        after.keySet().removeAll(List.of("audit_event", "search_index_queue"));
        assertThat(after)
                .as("rows a person could see, before and after a start with the warm-up, but the audit trail")
                .isEqualTo(expected);
        assertThat(queuedForLiveAccounts)
                .as("index work left for an account that exists")
                .isZero();
        assertThat(before.get("account")).isZero();
        // The first signed-in page on a database without a portal policy seeds it from the
        // settings, as the first real recipient's would (the first start never served one).
        assertThat(events)
                .filteredOn(e -> e.startsWith("POLICY_CHANGED system "))
                .singleElement()
                .asString()
                .contains("seeded from settings");
        assertThat(events)
                .as("the audit trail of the start: each of the two workers' readers registered, signed in"
                        + " through the sign-in page, signed out and in again, and was deleted, the one left"
                        + " behind was deleted, and nothing else (no rehearsal)")
                .filteredOn(e -> !e.startsWith("POLICY_CHANGED system "))
                .hasSize(7 + 2 * again)
                .anyMatch(e -> e.startsWith("ACCOUNT_DELETED warm-up 127.0.0.1: reader-left@warm-up.invalid: "))
                .allMatch(e -> e.contains("warm-up"))
                .filteredOn(e -> e.startsWith("SIGNED_IN reader-") && e.contains("@warm-up.invalid 127.0.0.1"))
                .hasSize(2 + again);
        assertThat(events)
                .filteredOn(e -> e.startsWith("SIGNED_OUT reader-") && e.contains("@warm-up.invalid 127.0.0.1"))
                .hasSize(again);
        assertThat(events)
                .filteredOn(e -> e.startsWith("REGISTERED warm-up ") || e.startsWith("ACCOUNT_DELETED warm-up "))
                .hasSize(5);
        assertThat(scraped)
                .as("the readers' sign-ins are counted apart from the users'; the rehearsals' not at all")
                .containsPattern("sealpost_warm_up_sign_ins_total " + (2 + again) + "(\\.0)?\\n")
                .doesNotContainPattern("sealpost_sign_ins_total\\{outcome=\"success\"\\} [1-9]")
                .containsPattern("sealpost_audit_events_total\\{action=\"SIGNED_IN\"\\} " + (2 + again) + "(\\.0)?\\n");
        try (Stream<Path> mails = Files.exists(data.resolve("dev-mailbox/mail"))
                ? Files.list(data.resolve("dev-mailbox/mail"))
                : Stream.empty()) {
            assertThat(mails.toList()).as("mail sent").isEmpty();
        }
    }

    private void awaitInLog(String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.readString(data.resolve("launcher.out")).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private Process launch(Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dsealpost.home=" + Path.of("target").toAbsolutePath(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolve("launcher.out").toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("SEALPOST_"));
        pb.environment().put("SEALPOST_DATA_DIR", data.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Every readiness answer the portal gave, polled every 100 ms, until the first UP. */
    private static List<String> readinessUntilUp(Process launcher, int port) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<String> bodies = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline && launcher.isAlive()) {
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // Before the portal's own check is registered Payara answers for it; only the portal's count.
                if (r.body().contains("\"name\":\"sealpost\"")) {
                    bodies.add(r.body());
                    if (r.statusCode() == 200) {
                        return bodies;
                    }
                }
            } catch (IOException notListening) {
                // not yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the portal did not become ready; readiness said " + bodies);
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The started portal's embedded database. */
    private static Connection connect(int db) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db + "/sealpost", "postgres", "");
    }

    private static void execute(int db, String statement) throws Exception {
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(int db, String query) throws Exception {
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** "ACTION actor client: detail" for each audit event after the first {@code skip}, in order. */
    private static List<String> auditEventsAfter(int db, long skip) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT action, actor, client_address, detail FROM audit_event ORDER BY id OFFSET " + skip)) {
            while (rs.next()) {
                events.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + ": " + rs.getString(4));
            }
        }
        return events;
    }

    private static Map<String, Long> counts(int db) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(db);
                Statement s = c.createStatement()) {
            for (String table : TRACES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void stop(Process launcher) throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
            launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
