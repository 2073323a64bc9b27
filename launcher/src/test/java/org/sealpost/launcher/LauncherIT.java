package org.sealpost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./sealpost run} as an operator meets it: the launcher in its own process, with the
 * distribution the build put in launcher/target.
 */
class LauncherIT {

    @TempDir
    Path data;

    @Test
    void productionWithoutSettingsExitsNonZeroNamingEachMissingSettingOnItsOwnLine() throws Exception {
        Launch launch = Launch.start(data, Map.of("SEALPOST_MODE", "prod"));

        assertThat(launch.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launch.process.exitValue()).isEqualTo(2);
        assertThat(launch.output())
                .contains(
                        "sealpost: missing setting SEALPOST_DB_URL (sealpost.db.url): JDBC URL of the PostgreSQL database",
                        "sealpost: refusing to start in production mode until these are set")
                .anySatisfy(line -> assertThat(line).startsWith("sealpost: missing setting SEALPOST_KEYSTORE "))
                .anySatisfy(line -> assertThat(line).startsWith("sealpost: missing setting SEALPOST_SMARTHOST "))
                .noneSatisfy(line -> assertThat(line).contains("Payara"));
    }

    @Test
    void devModeBecomesReadyStopsCleanlyOnSigtermAndASecondStartFindsTheSameData() throws Exception {
        int http = FreePort.onLoopback();
        int db = FreePort.onLoopback();
        Map<String, String> env = Map.of(
                "SEALPOST_HTTP_PORT",
                Integer.toString(http),
                "SEALPOST_SMTP_PORT",
                Integer.toString(FreePort.onLoopback()),
                "SEALPOST_DEV_MAILBOX_PORT",
                Integer.toString(FreePort.onLoopback()),
                "SEALPOST_EMBEDDED_DB_PORT",
                Integer.toString(db));

        Launch first = Launch.start(data, env);
        try {
            first.awaitLine("sealpost: ready in", 240);
            assertThat(ready(http)).isEqualTo(200);
            // Nothing listens beyond loopback unless configured: the portal, its bridge, the
            // development mailbox, the database; Payara's own listeners (Hazelcast) none at all.
            List<InetSocketAddress> listening = ListeningSockets.of(first.process.toHandle());
            assertThat(listening)
                    .as("the listening sockets of the launcher and its children")
                    .extracting(socket -> socket.getAddress().isLoopbackAddress() ? "loopback" : socket.toString())
                    .containsOnly("loopback");
            // PostgreSQL is not among the launcher's descendants (pg_ctl starts it detached): its
            // postmaster.pid names it.
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                    .get(0)
                    .trim());
            assertThat(ListeningSockets.of(ProcessHandle.of(postmaster).orElseThrow()))
                    .extracting(socket -> socket.getAddress().isLoopbackAddress()
                            ? "loopback:" + socket.getPort()
                            : socket.toString())
                    .containsOnly("loopback:" + db);
            assertThat(listening)
                    .as("what /proc showed is these servers' sockets")
                    .extracting(InetSocketAddress::getPort)
                    .contains(
                            http,
                            Integer.parseInt(env.get("SEALPOST_SMTP_PORT")),
                            Integer.parseInt(env.get("SEALPOST_DEV_MAILBOX_PORT")));
            // A person sees what they need; Payara's boot log (about 650 lines) is in the file.
            List<String> console = first.output();
            List<String> untilReady = console.subList(0, indexOfFirst(console, "sealpost: ready in") + 1);
            assertThat(untilReady)
                    .as(String.join("\n", untilReady))
                    .hasSizeLessThan(20)
                    .contains(
                            "sealpost: mail bridge on 127.0.0.1:" + env.get("SEALPOST_SMTP_PORT"),
                            "sealpost: portal on http://localhost:" + http + "/")
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("sealpost: database ready (embedded PostgreSQL on 127.0.0.1:" + db))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("sealpost: development mailbox on 127.0.0.1:"
                                    + env.get("SEALPOST_DEV_MAILBOX_PORT")))
                    .noneSatisfy(line -> assertThat(line).containsAnyOf("levelValue", "Payara Micro URLs", "INFO"));
            Path portalLog = data.resolve("logs/portal.log");
            assertThat(console).anySatisfy(line -> assertThat(line).contains(portalLog.toString()));
            assertThat(Files.readAllLines(portalLog))
                    .anySatisfy(line -> assertThat(line).contains("Payara Micro", "ready in"))
                    .anySatisfy(line -> assertThat(line).contains("[INFO]", "[levelValue: 800]"))
                    .anySatisfy(line -> assertThat(line).contains("migration(s) applied now)"))
                    .noneSatisfy(line -> assertThat(line).contains("\u001B"));
            assertThat(data.resolve("logs/postgres.log")).isNotEmptyFile();
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + db + "/sealpost", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute(
                        "INSERT INTO account (email, role, state) VALUES ('kept@client.example', 'RECIPIENT', 'PENDING')");
            }
        } catch (AssertionError | Exception e) {
            // A failed assertion must not leave the launcher, its Payara and PostgreSQL running.
            first.process.destroy();
            first.process.waitFor(90, TimeUnit.SECONDS);
            throw e;
        }
        first.process.destroy(); // SIGTERM, as Ctrl-C or systemd would send
        assertThat(first.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid")))
                .as("PostgreSQL stopped")
                .isFalse();
        assertThat(Files.exists(data.resolve("keys/kek.p12"))).isTrue();
        assertThat(Files.exists(data.resolve("tls/bridge.p12"))).isTrue();

        // The second start as a container runs it: SEALPOST_LOG_CONSOLE=full streams the whole
        // log, and the portal listens on every interface for a proxy outside the container.
        Map<String, String> full = new java.util.HashMap<>(env);
        full.put("SEALPOST_LOG_CONSOLE", "full");
        full.put("SEALPOST_HTTP_BIND", "0.0.0.0");
        Launch second = Launch.start(data, full);
        try {
            second.awaitLine("sealpost: ready in", 240);
            assertThat(second.output())
                    .contains("sealpost: portal on http://localhost:" + http + "/ (listening on every interface)");
            assertThat(ListeningSockets.of(second.process.toHandle()))
                    .filteredOn(socket -> socket.getPort() == http)
                    .singleElement()
                    .satisfies(socket ->
                            assertThat(socket.getAddress().isAnyLocalAddress()).isTrue());
            assertThat(second.output())
                    .anySatisfy(line -> assertThat(line).contains("(0 migration(s) applied now)"))
                    .anySatisfy(line -> assertThat(line).contains("[levelValue: 800]"));
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + db + "/sealpost", "postgres", "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM account WHERE email = 'kept@client.example'")) {
                rs.next();
                assertThat(rs.getInt(1)).isOne();
            }
        } finally {
            second.process.destroy();
            second.process.waitFor(90, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPortalThatDiesWhileStartingShowsTheEndOfItsLogAndWhereItIs() throws Exception {
        // A heap too small for any JVM: the portal's JVM exits at once, saying why on stderr.
        Launch launch = Launch.start(
                data,
                Map.of(
                        "SEALPOST_JAVA_OPTS",
                        "-Xmx1m",
                        "SEALPOST_HTTP_PORT",
                        Integer.toString(FreePort.onLoopback()),
                        "SEALPOST_DEV_MAILBOX_PORT",
                        Integer.toString(FreePort.onLoopback())));

        try {
            assertThat(launch.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(launch.process.exitValue()).isNotZero();
            assertThat(launch.output())
                    .contains("sealpost: the portal stopped while starting; the last lines of "
                            + data.resolve("logs/portal.log") + ":")
                    .anySatisfy(line -> assertThat(line).contains("Too small maximum heap"));
        } finally {
            launch.process.destroy();
            launch.process.waitFor(90, TimeUnit.SECONDS);
        }
    }

    private static int indexOfFirst(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting '" + prefix + "' in " + lines);
    }

    private static int ready(int port) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The launcher as a child process, its output collected line by line. */
    private record Launch(Process process, List<String> lines) {

        static Launch start(Path data, Map<String, String> env) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dsealpost.home=" + Path.of("target").toAbsolutePath(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "run"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("SEALPOST_"));
            pb.environment().put("SEALPOST_DATA_DIR", data.toString());
            pb.environment().putAll(env);
            Process p = pb.start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            });
            return new Launch(p, lines);
        }

        List<String> output() throws InterruptedException {
            Thread.sleep(200); // let the reader catch up with the last lines
            return List.copyOf(lines);
        }

        void awaitLine(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n"
                            + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no line starting '" + prefix + "' within " + seconds + " s");
        }
    }
}
