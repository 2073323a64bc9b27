package org.sealpost.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Payara Micro running the portal WAR, as a child process of the launcher. */
final class PortalProcess {

    /**
     * Hazelcast on loopback (docs/ARCHITECTURE.md, "Runtime facts"); SameSite=Strict on every cookie the HTTP listener
     * writes, the session cookie included, which the servlet API cannot set on it portably; no
     * {@code Server} or {@code X-Powered-By} header naming the container and its version
     * (the listener's {@code server-header} and {@code xpowered-by} attributes).
     */
    static final String PREBOOT = """
            set hazelcast-runtime-configuration.interface=127.0.0.1
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-enabled=true
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.cookie-same-site-value=Strict
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false
            """;

    private final Process process;
    private final int httpPort;

    private PortalProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /**
     * @param systemProperties passed to the portal's JVM as {@code -D}; MicroProfile Config
     *     reads them, and the environment is inherited as well
     */
    static PortalProcess start(Distribution dist, Path dataDir, int httpPort, Map<String, String> systemProperties,
            List<String> extraJvmOptions) throws IOException {
        // No --rootdir: with a kept root directory Payara Micro redeploys the previous run's
        // copy of the WAR at boot and then deploys --deploy again, doubling every restart's
        // deployment time (measured, docs/BENCHMARKS.md). The portal keeps no state there.
        // Hazelcast binds to the machine's address unless told otherwise; keep it on loopback
        // (docs/ARCHITECTURE.md, "Runtime facts"). Written each start so an upgrade of the launcher takes effect.
        Path preboot = dataDir.resolve("payara-preboot.asadmin");
        Files.writeString(preboot, PREBOOT);

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(extraJvmOptions);
        command.add("-Dhazelcast.phone.home.enabled=false");
        // Readiness must stay DOWN until the portal has registered its own checks.
        command.add("-Dmp.health.default.readiness.empty.response=DOWN");
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(dist.payaraMicro().toString());
        command.addAll(List.of(
                "--deploy", dist.portalWar().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(httpPort),
                "--prebootcommandfile", preboot.toString(),
                "--disablephonehome",
                // One node in development: no data grid to form, nothing to discover.
                "--nocluster"));
        Process process = new ProcessBuilder(command).inheritIO().start();
        return new PortalProcess(process, httpPort);
    }

    /** Waits until {@code /health/ready} answers 200, the process dies, or the time is up. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.discarding());
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
        return process.waitFor();
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
    }
}
