package org.sealpost.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sealpost.portal.config.HttpListenerAddress;

/** Payara Micro running the portal WAR, as a child process of the launcher. */
final class PortalProcess {

    /**
     * The HTTP listener on the address {@code SEALPOST_HTTP_BIND} gives (Payara's own default is
     * every interface); Hazelcast on loopback should an operator's JVM options start it again
     * (docs/ARCHITECTURE.md, "Runtime facts"); SameSite=Strict on every cookie the HTTP listener
     * writes, the session cookie included, which the servlet API cannot set on it portably; no
     * {@code Server} or {@code X-Powered-By} header naming the container and its version
     * (the listener's {@code server-header} and {@code xpowered-by} attributes); Payara's own
     * MicroProfile Metrics endpoint off, since it would serve {@code /metrics} (heap, pools, class
     * counts) to anyone on the public listener — the portal's metrics have a listener of their
     * own ({@code SEALPOST_METRICS_ADDRESS}).
     */
    static String preboot(HttpListenerAddress listener) {
        return "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address="
                + listener.bindAddress() + "\n" + PREBOOT;
    }

    private static final String PREBOOT = """
            set hazelcast-runtime-configuration.interface=127.0.0.1
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-enabled=true
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-value=Strict
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false
            set configs.config.server-config.microprofile-metrics-configuration.enabled=false
            """;

    private final Process process;
    private final String selfUrl;
    /** Quiet console: where every line of the server's output goes; empty when it streams to stdout. */
    private final Optional<RotatingLog> log;

    private final ServerLogFilter filter = new ServerLogFilter();
    private Thread pump;

    private PortalProcess(Process process, String selfUrl, Optional<RotatingLog> log) {
        this.process = process;
        this.selfUrl = selfUrl;
        this.log = log;
    }

    /**
     * @param systemProperties passed to the portal's JVM as {@code -D}; MicroProfile Config
     *     reads them, and the environment is inherited as well
     * @param log where the server's output goes, only its errors reaching the console; empty:
     *     the server writes to the launcher's stdout and stderr as it is
     */
    static PortalProcess start(
            Distribution dist,
            Path dataDir,
            HttpListenerAddress listener,
            int httpPort,
            Map<String, String> systemProperties,
            List<String> extraJvmOptions,
            Optional<RotatingLog> log)
            throws IOException {
        // No --rootdir: with a kept root directory Payara Micro redeploys the previous run's
        // copy of the WAR at boot and then deploys --deploy again, doubling every restart's
        // deployment time (measured, docs/BENCHMARKS.md). The portal keeps no state there.
        // The listener's address and the container's headers (see preboot). Written each start,
        // so that a changed SEALPOST_HTTP_BIND or an upgrade of the launcher takes effect.
        Path preboot = dataDir.resolve("payara-preboot.asadmin");
        Files.writeString(preboot, preboot(listener));
        List<String> command = command(dist, preboot, httpPort, systemProperties, extraJvmOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (log.isEmpty()) {
            Process process = builder.inheritIO().start();
            return new PortalProcess(process, listener.selfUrl(httpPort), log);
        }
        // One stream for both: a stack trace on stderr stays next to the record it belongs to.
        Process process = builder.redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectErrorStream(true)
                .start();
        PortalProcess portal = new PortalProcess(process, listener.selfUrl(httpPort), log);
        portal.pump = Thread.ofPlatform()
                .name("portal-log")
                .daemon()
                .start(() -> portal.copyOutput(process.getInputStream()));
        return portal;
    }

    /** The portal JVM's command line: the operator's (or the default) JVM options first, then the launcher's own. */
    static List<String> command(
            Distribution dist,
            Path preboot,
            int httpPort,
            Map<String, String> systemProperties,
            List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(extraJvmOptions);
        // Lucene (its POSIX madvise through java.lang.foreign) and JNA (the native Argon2id,
        // ADR 0019) call restricted methods from the web application's class path, which JDK 24+
        // warns about at their first call and a future release blocks unless native access is
        // granted (JEP 472). The class path is the unnamed module.
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dhazelcast.phone.home.enabled=false");
        // Readiness must stay DOWN until the portal has registered its own checks.
        command.add("-Dmp.health.default.readiness.empty.response=DOWN");
        // Jakarta Mail looks its stream provider up again for every header block it parses and
        // every part it writes (StreamProvider.provider(): a ServiceLoader scan of the class path
        // each time, 2 % of the request threads' CPU under bench compose, JFR, docs/BENCHMARKS.md
        // "Writing"). The API reads this system property first and then only loads the named
        // class (jakarta.mail.util.StreamProvider's javadoc): Angus Mail's, which Payara Micro ships.
        command.add("-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider");
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(dist.payaraMicro().toString());
        command.addAll(List.of(
                "--deploy",
                dist.portalWar().toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(httpPort),
                "--prebootcommandfile",
                preboot.toString(),
                "--disablephonehome",
                // No data grid at all: nodes share nothing but PostgreSQL (sessions, queue and
                // caches live there, docs/ARCHITECTURE.md), and with --nocluster Payara Micro still
                // starts Hazelcast for its own caches, whose threads compile and run beside the
                // portal's requests. Not together with --nocluster, which Payara checks first and
                // which then leaves Hazelcast running.
                "--nohazelcast"));
        return command;
    }

    /**
     * Every line to the log file, the filter's choice to the console. Must never stop reading
     * before the server ends: a full pipe would block every thread of Payara that logs.
     */
    private void copyOutput(InputStream output) {
        RotatingLog file = log.orElseThrow();
        boolean fileFailing = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String raw;
            while ((raw = reader.readLine()) != null) {
                String line = ServerLogFilter.withoutColour(raw);
                try {
                    file.append(line);
                    fileFailing = false;
                } catch (IOException e) {
                    if (!fileFailing) {
                        System.err.println("sealpost: cannot write " + file.file() + " (" + e.getMessage()
                                + "); the server's log is lost until it can");
                    }
                    fileFailing = true;
                }
                try {
                    filter.accept(line).forEach(System.out::println);
                } catch (RuntimeException e) {
                    System.out.println(line);
                }
            }
        } catch (IOException e) {
            // the server's end of the pipe closed: it has exited
        } finally {
            try {
                file.close();
            } catch (IOException e) {
                System.err.println("sealpost: cannot close " + file.file() + ": " + e.getMessage());
            }
        }
    }

    /** From now on the console shows the server's warnings too, not only its errors. */
    void ready() {
        filter.showWarningsFromNowOn();
    }

    /** The file holding the server's full log, unless it streams to the console. */
    Optional<Path> logFile() {
        return log.map(RotatingLog::file);
    }

    /** The last lines the server wrote, once its output has been copied to the end. */
    List<String> logTail(int lines) {
        awaitOutputCopied();
        try {
            return log.isPresent() ? log.get().lastLines(lines) : List.of();
        } catch (IOException e) {
            return List.of("(cannot read " + log.get().file() + ": " + e.getMessage() + ")");
        }
    }

    private void awaitOutputCopied() {
        if (pump != null && !process.isAlive()) {
            try {
                pump.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /health/ready} answers 200, the process dies, or the time is up. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create(selfUrl + "/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(20))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    int waitFor() throws InterruptedException {
        int exit = process.waitFor();
        awaitOutputCopied();
        return exit;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, so Payara undeploys (the bridge closes, transactions finish); then force. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                System.err.println("sealpost: Payara Micro did not stop within 60 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // The server's last lines (its shutdown) into the file before the launcher exits.
        awaitOutputCopied();
    }
}
