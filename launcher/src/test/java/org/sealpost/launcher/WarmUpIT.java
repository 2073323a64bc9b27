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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up before readiness (ADR 0020, ADR 0027) on the real portal, started by the launcher:
 * off, it is not run and readiness never waits for it; on, {@code /health/ready} stays DOWN while
 * it runs, and it leaves nothing a person could see — no account, session, token, message, mail,
 * audit entry, search work or counted sign-in — beyond what the same restart without it leaves,
 * although each of its rounds rehearses a whole sign-in, reads a sample message as that account
 * and renders the inbox's table and the message page. Its own
 * page, served to it while it ran, is refused once the portal is ready.
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
        Process second = launch(env);
        List<String> on;
        Map<String, Long> after;
        String scraped;
        List<Integer> warmUpPageAfterReady;
        try {
            on = readinessUntilUp(second, http);
            // Readiness turns UP when the time is up; the round then running ends and logs after it.
            awaitInLog("warm-up done: ", 60);
            after = counts(db);
            scraped = get("http://127.0.0.1:" + metrics + "/metrics", Map.of()).body();
            String page = "http://127.0.0.1:" + http + "/warm-up/inbox.xhtml";
            String message = "http://127.0.0.1:" + http + "/warm-up/message.xhtml?id=1";
            warmUpPageAfterReady = List.of(
                    get(page, Map.of()).statusCode(),
                    get(page, Map.of("X-Forwarded-For", "127.0.0.1", "Sealpost-Warm-Up", "guess"))
                            .statusCode(),
                    get(message, Map.of()).statusCode());
        } finally {
            stop(second);
        }
        assertThat(on)
                .as("readiness while the warm-up runs")
                .anySatisfy(body -> assertThat(body).contains("\"status\":\"DOWN\"", "\"warm-up\":\"running\""))
                .last()
                .asString()
                .contains("\"status\":\"UP\"", "\"warm-up\":\"done\"");
        assertThat(Files.readString(data.resolve("launcher.out"))).containsPattern("warm-up done: [1-9][0-9]* rounds");
        assertThat(after)
                .as("rows a person could see, before and after a start with the warm-up")
                .isEqualTo(before);
        assertThat(before.get("account")).isZero();
        assertThat(scraped)
                .as("the rehearsed sign-ins, rolled back, are not counted")
                .doesNotContainPattern("sealpost_sign_ins_total\\{outcome=\"success\"\\} [1-9]")
                .doesNotContainPattern("sealpost_audit_events_total\\{action=\"SIGNED_IN\"\\} [1-9]");
        assertThat(warmUpPageAfterReady)
                .as("the warm-up's inbox and message page once the portal is ready, plainly and relayed with a key")
                .containsOnly(404);
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

    private static Map<String, Long> counts(int db) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + db + "/sealpost", "postgres", "");
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
