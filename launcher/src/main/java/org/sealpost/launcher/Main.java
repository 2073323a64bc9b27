package org.sealpost.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sealpost.portal.config.HttpListenerAddress;
import org.sealpost.portal.config.InvalidSettingException;
import org.sealpost.portal.config.ProductionReadiness;

/** {@code ./sealpost run}. Exit codes: 0 stopped cleanly, 2 refused to start, else Payara's. */
public final class Main {

    /**
     * The portal JVM's defaults: the parallel collector and a bounded heap. A young collection
     * stops every request, and on a 2-core node the parallel collector does it with both cores:
     * side by side under {@code ./sealpost bench compose} (two pairs, alternating, one quiet
     * machine) its young pauses were 12-18 ms at the median instead of the serial collector's
     * 22-26 ms, 611-657 ms paused in a run instead of 964-1,142 ms, and the compose page and send
     * p95 45-59 ms instead of 57-77 ms, for about 100 MB more resident memory (1,120 MB instead
     * of 970-1,040 MB; docs/BENCHMARKS.md). G1 was left out for its footprint (600-780 MB at a
     * smaller heap where the serial collector needed 550 MB). A node with many cores and heavy
     * traffic sets SEALPOST_JAVA_OPTS instead (ADR 0024).
     *
     * <p>SweeperThreshold: the JVM asks the collector to unload compiled code each time the code
     * cache has grown by this share of its size (15 % by default), and neither the serial nor the
     * parallel collector can do that but in a full collection. Payara's code grows past 15 % (36
     * MB) about every 100 s during its first minutes, and each of those full collections stopped
     * every request for half a second (the inbox benchmark's p99 of 430-560 ms,
     * docs/BENCHMARKS.md); at 50 % they come only when the cache really fills.
     *
     * <p>-Xms equal to -Xmx: the collector sizes its young generation from the committed heap,
     * which started at 1/64 of the machine's memory and grew only as the old generation filled,
     * so eden stayed near 100 MB and a young pause came every few seconds under bench compose,
     * each promoting objects a longer interval would have let die. With the whole gigabyte
     * committed eden is near 270 MB: side by side, 4-5 young pauses instead of 11-12 in the
     * measured window (docs/BENCHMARKS.md).
     */
    static final List<String> DEFAULT_PORTAL_JVM_OPTIONS =
            List.of("-XX:+UseParallelGC", "-Xms1g", "-Xmx1g", "-XX:SweeperThreshold=50");

    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "run" : args[0];
        if (command.equals("operator") && args.length >= 2) {
            System.exit(OperatorCommands.run(args[1], List.of(args).subList(2, args.length)));
        }
        if (command.equals("operator-usage")) {
            OperatorCommands.available()
                    .values()
                    .forEach(c -> c.usage().forEach(line -> System.out.println("  " + line)));
            System.exit(0);
        }
        if (!command.equals("run")) {
            System.err.println("sealpost launcher: unknown command '" + command + "' (run, operator NAME …)");
            System.exit(64);
        }
        try {
            System.exit(run());
        } catch (LaunchException e) {
            System.err.println("sealpost: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void closeWhenStarted(java.util.concurrent.CompletableFuture<EmbeddedDatabase> start) {
        if (start != null) {
            try {
                start.join().close();
            } catch (RuntimeException alreadyFailed) {
                // nothing was started
            }
        }
    }

    /** Lines of the server's log shown when it dies while starting: enough for a stack trace's top. */
    static final int LINES_SHOWN_ON_FAILURE = 40;

    private static void showWhyItStopped(PortalProcess portal) {
        portal.logFile().ifPresent(file -> {
            System.out.println("sealpost: the portal stopped while starting; the last lines of " + file + ":");
            portal.logTail(LINES_SHOWN_ON_FAILURE).forEach(line -> System.out.println("  " + line));
        });
    }

    /**
     * A JDBC URL fit for the console: a password in the URL's user part or its parameters
     * ({@code password=}, as the PostgreSQL driver reads it) replaced by {@code ***}.
     */
    static String withoutCredentials(String jdbcUrl) {
        return jdbcUrl.replaceAll("//[^/?#@]*@", "//***@")
                .replaceAll("(?i)([?&;](?:password|sslpassword)=)[^&;]*", "$1***");
    }

    /**
     * A node's name behind a load balancer, as the JVM option that makes the web container end
     * every session id in {@code .<name>} (GlassFish's and Payara's {@code jvmRoute}): an
     * open-source nginx has no sticky directive, but can route on that suffix of the session
     * cookie (deploy/nginx/sealpost.conf).
     */
    static Optional<String> nodeRoute(Optional<String> nodeName) {
        return nodeName.map(name -> {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9-]{0,31}")) {
                throw new LaunchException("setting SEALPOST_NODE_NAME must be 1 to 32 letters, digits and '-', "
                        + "starting with a letter or digit, got '" + name + "'");
            }
            return "-DjvmRoute=" + name;
        });
    }

    /** {@code SEALPOST_HTTP_BIND}, checked before anything starts, as the node name is. */
    static HttpListenerAddress httpListener() {
        try {
            return HttpListenerAddress.parse(
                    LauncherSettings.lookup("sealpost.http.bind").orElse(HttpListenerAddress.DEFAULT));
        } catch (InvalidSettingException e) {
            throw new LaunchException(e.getMessage());
        }
    }

    static int run() {
        long started = System.nanoTime();
        List<String> missing =
                new java.util.ArrayList<>(ProductionReadiness.missingSettings(LauncherSettings::lookupWithDevDefault));
        // The launcher starts Payara Micro with --nohazelcast: no clustering to find here.
        missing.addAll(ProductionReadiness.unsafeSettings(LauncherSettings::lookupWithDevDefault, false));
        if (!missing.isEmpty()) {
            missing.forEach(line -> System.err.println("sealpost: " + line));
            System.err.println("sealpost: refusing to start in production mode until these are set");
            return 2;
        }
        boolean production = ProductionReadiness.isProduction(LauncherSettings::lookupWithDevDefault);
        // Checked before anything starts, so a bad name stops nothing half-started.
        Optional<String> route = nodeRoute(LauncherSettings.lookup("sealpost.node.name"));
        Path dataDir = Path.of(LauncherSettings.lookup("sealpost.data.dir").orElse("data"))
                .toAbsolutePath();
        int httpPort = LauncherSettings.integer("sealpost.http.port", 8080);
        HttpListenerAddress listener = httpListener();
        Distribution dist = Distribution.besideLauncher();
        ConsoleMode console = ConsoleMode.fromSettings();
        Path logs = dataDir.resolve("logs");
        try {
            Files.createDirectories(dataDir);
            if (console == ConsoleMode.QUIET) {
                Files.createDirectories(logs);
            }
        } catch (IOException e) {
            throw new LaunchException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        if (console == ConsoleMode.QUIET) {
            // The launcher's own libraries (the embedded PostgreSQL's, the development mailbox's
            // SMTP sessions) log through slf4j-simple, which reads these once, at its first
            // logger: nothing has asked for one yet.
            System.setProperty(
                    "org.slf4j.simpleLogger.logFile",
                    logs.resolve("launcher.log").toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        }

        Map<String, String> props = new LinkedHashMap<>();
        props.put("sealpost.mode", production ? "prod" : "dev");
        props.put("sealpost.data.dir", dataDir.toString());
        props.put("sealpost.http.port", Integer.toString(httpPort));

        // The embedded database starts while Payara boots: the portal first touches it at
        // deployment, seconds later, and its pool waits and retries until then.
        java.util.concurrent.CompletableFuture<EmbeddedDatabase> embeddedStart = null;
        int embeddedPort = 0;
        Optional<String> dbUrl = LauncherSettings.lookup("sealpost.db.url");
        if (dbUrl.isEmpty()) {
            Path cluster = dataDir.resolve("postgres");
            int port = LauncherSettings.integer("sealpost.embedded.db.port", 0);
            int dbPort = port != 0 ? port : FreePort.onLoopback();
            embeddedPort = dbPort;
            Optional<Path> postgresLog =
                    console == ConsoleMode.QUIET ? Optional.of(logs.resolve("postgres.log")) : Optional.empty();
            embeddedStart = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> EmbeddedDatabase.start(cluster, dbPort, postgresLog));
            props.put("sealpost.db.url", EmbeddedDatabase.jdbcUrl(dbPort));
            props.put("sealpost.db.user", EmbeddedDatabase.USER);
            // The embedded cluster trusts loopback connections; the pool still wants a value.
            props.put("sealpost.db.password", "embedded");
        } else {
            System.out.println(
                    "sealpost: database " + withoutCredentials(dbUrl.get()) + " (the portal connects as it starts)");
        }

        DevMailbox devMailbox = null;
        if (!production && LauncherSettings.lookup("sealpost.smarthost").isEmpty()) {
            int mailboxPort = LauncherSettings.integer("sealpost.dev.mailbox.port", 2526);
            try {
                devMailbox = DevMailbox.start(dataDir, mailboxPort);
            } catch (IOException | RuntimeException e) {
                closeWhenStarted(embeddedStart);
                throw new LaunchException(
                        "could not start the development mailbox on 127.0.0.1:" + mailboxPort + ": " + e.getMessage(),
                        e);
            }
            props.put("sealpost.smarthost", "localhost:" + mailboxPort);
            // A developer watching the mailbox should not wait production's 5 minutes for a
            // retry, nor 10 for a second notification; explicit settings still win.
            if (LauncherSettings.lookup("sealpost.retry.interval").isEmpty()) {
                props.put("sealpost.retry.interval", "PT15S");
            }
            if (LauncherSettings.lookup("sealpost.notify.quiet.period").isEmpty()) {
                props.put("sealpost.notify.quiet.period", "PT1M");
            }
            props.put("sealpost.smarthost.truststore", devMailbox.trustStore().toString());
            props.put("sealpost.smarthost.truststore.password", DevMailbox.TRUSTSTORE_PASSWORD);
        }

        List<String> jvmOptions = new java.util.ArrayList<>(LauncherSettings.lookup("sealpost.java.opts")
                .map(o -> Arrays.asList(o.trim().split("\\s+")))
                .orElse(DEFAULT_PORTAL_JVM_OPTIONS));
        route.ifPresent(jvmOptions::add);
        final DevMailbox mailbox = devMailbox;
        PortalProcess portal;
        try {
            Optional<RotatingLog> portalLog = console == ConsoleMode.QUIET
                    ? Optional.of(new RotatingLog(
                            logs.resolve("portal.log"), RotatingLog.DEFAULT_MAX_BYTES, RotatingLog.DEFAULT_FILES))
                    : Optional.empty();
            portal = PortalProcess.start(dist, dataDir, listener, httpPort, props, jvmOptions, portalLog);
            portalLog.ifPresent(log ->
                    System.out.println("sealpost: starting the portal (Payara Micro), its log in " + log.file()));
        } catch (IOException e) {
            if (mailbox != null) {
                mailbox.close();
            }
            closeWhenStarted(embeddedStart);
            throw new LaunchException("could not start Payara Micro: " + e.getMessage(), e);
        }
        EmbeddedDatabase database = null;
        if (embeddedStart != null) {
            try {
                database = embeddedStart.join();
            } catch (java.util.concurrent.CompletionException e) {
                portal.stop();
                if (mailbox != null) {
                    mailbox.close();
                }
                throw e.getCause() instanceof LaunchException le
                        ? le
                        : new LaunchException("the embedded PostgreSQL did not start: " + e.getCause(), e.getCause());
            }
            System.out.println("sealpost: database ready (embedded PostgreSQL on 127.0.0.1:" + embeddedPort
                    + ", data in " + dataDir.resolve("postgres") + ")");
        }
        final EmbeddedDatabase startedDatabase = database;
        // Ctrl-C / SIGTERM: the portal first (the bridge stops taking mail, transactions end),
        // then the database under it.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            portal.stop();
                            if (mailbox != null) {
                                mailbox.close();
                            }
                            if (startedDatabase != null) {
                                startedDatabase.close();
                            }
                        },
                        "sealpost-shutdown"));

        try {
            if (portal.awaitReady(Duration.ofMinutes(5))) {
                portal.ready();
                double seconds = (System.nanoTime() - started) / 1e9;
                // The bridge is part of the portal: /health/ready is UP only once it listens.
                System.out.println("sealpost: mail bridge on "
                        + LauncherSettings.lookup("sealpost.smtp.bind").orElse("127.0.0.1") + ":"
                        + LauncherSettings.integer("sealpost.smtp.port", 2525));
                System.out.println("sealpost: portal on "
                        + (listener.reachableOverLoopback()
                                ? "http://localhost:" + httpPort
                                : listener.selfUrl(httpPort))
                        + "/" + (listener.address().isAnyLocalAddress() ? " (listening on every interface)" : ""));
                System.out.printf(
                        "sealpost: ready in %.1f s (pid %d, mode %s, data %s)%n",
                        seconds, portal.pid(), production ? "prod" : "dev", dataDir);
                portal.logFile()
                        .ifPresent(file -> System.out.println("sealpost: from here on only the server's warnings and "
                                + "errors show; its full log is " + file
                                + " (SEALPOST_LOG_CONSOLE=full shows everything here)"));
            } else if (portal.isAlive()) {
                System.out.println("sealpost: the portal is not ready after 5 minutes"
                        + portal.logFile().map(file -> "; its log: " + file).orElse(""));
            } else {
                showWhyItStopped(portal);
            }
            int exit = portal.waitFor();
            System.out.println("sealpost: Payara Micro exited with " + exit);
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
