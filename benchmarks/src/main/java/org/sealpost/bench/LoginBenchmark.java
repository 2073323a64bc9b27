package org.sealpost.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.sealpost.portal.account.Passwords;
import org.sealpost.portal.account.password.Argon2Settings;
import org.sealpost.portal.account.password.Argon2idImplementation;
import org.sealpost.portal.account.password.PasswordHasher;

/**
 * Sign-ins per second through the real login form, against what the hash alone allows on the
 * same machine in the same run (issue 15).
 *
 * <p>Three phases, all with the same T threads:
 * <ol>
 * <li><b>hash only</b>: T threads verify a password against a PHC hash made with the portal's
 * own Argon2id parameters and implementation ({@code --argon2-implementation}, as
 * {@code SEALPOST_ARGON2_IMPLEMENTATION}), with the portal's own {@link PasswordHasher}, in this
 * JVM while the portal is idle;</li>
 * <li><b>sign-ins</b>: T clients, each signing in to <em>its own</em> account (registered before
 * anything is measured), each sign-in on a new session ({@code GET /login.xhtml}, then the
 * {@code POST} that runs Argon2id, audits, registers the session and redirects to the inbox).
 * One account per client: sign-ins to one account take its row lock in turn and would measure
 * that lock, not the portal;</li>
 * <li><b>hash only</b> again, so a change in the machine's load during the run shows as two
 * different hash rates.</li>
 * </ol>
 * It prints each, and the sign-in rate as a share of the mean hash-only rate. With
 * {@code --server-pids} it also prints the portal's and PostgreSQL's CPU time per sign-in.
 */
public final class LoginBenchmark {

    private static final String PASSWORD = "benchmark passphrase for sign-ins";

    /** A compiler under this share of one core over a window has settled (the portal's CompilerSettling). */
    private static final double COMPILER_SETTLED = 0.10;

    private LoginBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions a = BenchOptions.parse(args);
        String base = a.base();
        int threads = a.number("threads", 8);
        int seconds = a.number("seconds", 30);
        int warmUp = a.number("warm-up", 5);
        // A capacity figure is the warm portal's, and the sign-in path takes minutes to compile:
        // its server CPU per sign-in was 56 ms after 5 s of sign-ins, 36 ms after 90 s and 26 ms
        // after 240 s (docs/BENCHMARKS.md). So the sign-ins warm up in windows of 15 s until the
        // portal's JIT compiler settles (under 10 % of a core in a window, after at least
        // --sign-in-warm-up seconds), or for at most --sign-in-warm-up-max seconds. At least 480
        // s: on a 2-core node at ~33 sign-ins/s the compiler had quiet windows at three minutes
        // and took 20 % of a core again in the next 30 s; it was done (1 %) after about 4.5
        // minutes, code run once per sign-in reaching C2 after ~15,000 runs.
        int signInWarmUp = a.number("sign-in-warm-up", 480);
        int signInWarmUpMax = a.number("sign-in-warm-up-max", 900);
        Argon2Settings argon2 = new Argon2Settings(
                a.number("argon2-memory-kib", Argon2Settings.OWASP.memoryKiB()),
                a.number("argon2-iterations", Argon2Settings.OWASP.iterations()),
                a.number("argon2-parallelism", Argon2Settings.OWASP.parallelism()));
        List<Long> serverPids = new ArrayList<>();
        for (String p : a.text("server-pids", "").split(",")) {
            if (!p.isBlank()) {
                serverPids.add(Long.parseLong(p.trim()));
            }
        }

        List<String> users = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int t = 0; t < threads; t++) {
            users.add("login.bench." + run + "." + t + "@client.example");
        }
        register(base, a.smtpPort(), a.mailbox(), users);

        // The portal's choice, made the portal's way (SEALPOST_ARGON2_IMPLEMENTATION, ADR 0019),
        // with as many hashes at once as the portal computes (SEALPOST_ARGON2_CONCURRENCY), on
        // threads of the portal's nice value (SEALPOST_ARGON2_NICENESS, ADR 0032).
        PasswordHasher hasher = new PasswordHasher(
                argon2,
                Argon2idImplementation.of(a.get("argon2-implementation")).function(),
                a.has("argon2-concurrency")
                        ? Integer.parseInt(a.get("argon2-concurrency"))
                        : Passwords.defaultConcurrency(),
                a.has("argon2-niceness") ? Integer.parseInt(a.get("argon2-niceness")) : Passwords.DEFAULT_NICENESS);
        String phc = hasher.hash(PASSWORD.toCharArray());
        System.out.printf(
                "login: Argon2id m=%d KiB, t=%d, p=%d, %s, at most %d at once; %d threads, %d s measured after %d s (hash) and %d-%d s"
                        + " (sign-ins, until the portal's compiler settles) of warm-up%n",
                argon2.memoryKiB(),
                argon2.iterations(),
                argon2.parallelism(),
                hasher.function().description(),
                hasher.concurrency(),
                threads,
                seconds,
                warmUp,
                signInWarmUp,
                signInWarmUpMax);

        hashOnly(hasher, phc, threads, warmUp);
        Result hashBefore = hashOnly(hasher, phc, threads, seconds);
        hashBefore.print("hash only (before)", "hashes/s", "verify");

        warmUpSignIns(base, users, serverPids, signInWarmUp, signInWarmUpMax);
        long cpuBefore = ServerCpu.ticks(serverPids);
        long compilerBefore = JvmThreads.COMPILER.ticks(serverPids);
        long driverCpuBefore = driverCpuNanos();
        MachineCpu machineBefore = MachineCpu.now();
        Result logins = signIns(base, users, seconds);
        double machineBusy = MachineCpu.now().busyPercentSince(machineBefore);
        long cpuTicks = ServerCpu.ticks(serverPids) - cpuBefore;
        long compilerTicks = JvmThreads.COMPILER.ticks(serverPids) - compilerBefore;
        long driverCpu = driverCpuNanos() - driverCpuBefore;
        logins.print("sign-ins", "sign-ins/s", "POST");
        // Below ~97 % the sign-ins were not limited by the processors but by the clients: too
        // few of them to keep every hashing turn taken while the others wait for PostgreSQL's
        // commit or the network. The rate then understates what the node can do.
        System.out.printf("login: the machine's processors were %.0f %% busy during the sign-ins%n", machineBusy);
        if (!serverPids.isEmpty() && logins.ok() > 0) {
            System.out.printf(
                    "login: server CPU (portal JVM + PostgreSQL) %.1f ms per sign-in, %.0f %% of one core%n",
                    cpuTicks * 1000.0 / ServerCpu.TICKS_PER_SECOND / logins.ok(),
                    cpuTicks * 100.0 / ServerCpu.TICKS_PER_SECOND / logins.seconds());
            // Compiling is CPU a warm portal does not spend: a figure with much of it is not yet
            // the warm capacity.
            System.out.printf(
                    "login: of it the portal's JIT compiler %.1f ms per sign-in, %.0f %% of one core%n",
                    compilerTicks * 1000.0 / ServerCpu.TICKS_PER_SECOND / logins.ok(),
                    compilerTicks * 100.0 / ServerCpu.TICKS_PER_SECOND / logins.seconds());
        }
        if (logins.ok() > 0) {
            // The driver shares the cores with the portal: what it spends is not the portal's,
            // but the portal cannot have it.
            System.out.printf(
                    "login: driver CPU (this JVM) %.1f ms per sign-in, %.0f %% of one core%n",
                    driverCpu / 1e6 / logins.ok(), driverCpu / 1e7 / logins.seconds());
        }

        Result hashAfter = hashOnly(hasher, phc, threads, seconds);
        hashAfter.print("hash only (after)", "hashes/s", "verify");

        double hashRate = (hashBefore.rate() + hashAfter.rate()) / 2;
        System.out.printf(
                "login: RESULT %d threads: %.1f sign-ins/s = %.0f %% of the hash-only rate %.1f hashes/s "
                        + "(mean of %.1f before and %.1f after); %d sign-ins failed%n",
                threads,
                logins.rate(),
                100 * logins.rate() / hashRate,
                hashRate,
                hashBefore.rate(),
                hashAfter.rate(),
                logins.failed());

        // The machine's own speed drifts by 10-15 % over minutes (hash-only before and after
        // have differed that much with the portal idle both times), so the ratio is also taken
        // from short phases that alternate: hash only, then sign-ins, R times, side by side.
        int rounds = a.number("rounds", 4);
        int phase = a.number("round-seconds", 10);
        double hashes = 0;
        double signedIn = 0;
        int failed = 0;
        StringBuilder each = new StringBuilder();
        for (int r = 0; r < rounds; r++) {
            MachineCpu m0 = MachineCpu.now();
            Result h = hashOnly(hasher, phc, threads, phase);
            MachineCpu m1 = MachineCpu.now();
            Result s = signIns(base, users, phase);
            MachineCpu m2 = MachineCpu.now();
            hashes += h.rate();
            signedIn += s.rate();
            failed += s.failed();
            each.append(String.format(
                    " %.1f/%.1f (%.0f %%; busy %.0f/%.0f %%)",
                    s.rate(), h.rate(), 100 * s.rate() / h.rate(), m2.busyPercentSince(m1), m1.busyPercentSince(m0)));
        }
        if (rounds > 0) {
            System.out.printf(
                    "login: alternating %d s phases, sign-ins/s / hashes/s (ratio; machine busy in sign-ins/hashes):%s%n",
                    phase, each);
            System.out.printf(
                    "login: RESULT (alternating) %d threads: %.1f sign-ins/s = %.0f %% of the hash-only rate %.1f hashes/s "
                            + "over %d rounds; %d sign-ins failed%n",
                    threads, signedIn / rounds, 100 * signedIn / hashes, hashes / rounds, rounds, failed);
        }
    }

    record Result(int ok, int failed, long[] latenciesNanos, double seconds) {

        double rate() {
            return ok / seconds;
        }

        void print(String phase, String unit, String latency) {
            long[] sorted = Arrays.copyOf(latenciesNanos, ok);
            Arrays.sort(sorted);
            System.out.printf(
                    "login: %s: %.1f %s; %s latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; %d failed%n",
                    phase, rate(), unit, latency, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), failed);
        }
    }

    /** T threads verifying the right password, as a successful sign-in does; timed per verify. */
    static Result hashOnly(PasswordHasher hasher, String phc, int threads, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean right = hasher.verify(PASSWORD.toCharArray(), phc);
                    long elapsed = System.nanoTime() - t0;
                    if (right) {
                        latencies.add(elapsed);
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        return result(latencies, failed, start);
    }

    /**
     * Sign-ins in windows of 15 s, each printed with the server's CPU per sign-in and the share of
     * a core the portal's JIT compiler took ({@link JvmThreads#COMPILER}), until, after {@code atLeast}
     * seconds, a window's compiler share is under 10 % (the portal's own warm-up gate's measure of
     * settled, ADR 0031), or {@code atMost} seconds have passed. The server's CPU per sign-in
     * alone was no measure of warm: two windows 5 % apart while the compiler still took 17 % of a
     * core. Without server pids there is nothing to watch: {@code atLeast} seconds.
     */
    static void warmUpSignIns(String base, List<String> users, List<Long> serverPids, int atLeast, int atMost)
            throws Exception {
        long start = System.nanoTime();
        while (true) {
            long cpuBefore = ServerCpu.ticks(serverPids);
            long compilerBefore = JvmThreads.COMPILER.ticks(serverPids);
            Result window = signIns(base, users, 15);
            double cpuPerSignIn = (ServerCpu.ticks(serverPids) - cpuBefore)
                    * 1000.0
                    / ServerCpu.TICKS_PER_SECOND
                    / Math.max(1, window.ok());
            double compilerShare = serverPids.isEmpty()
                    ? Double.NaN
                    : (JvmThreads.COMPILER.ticks(serverPids) - compilerBefore)
                            / (double) ServerCpu.TICKS_PER_SECOND
                            / window.seconds();
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "login: warm-up at %.0f s: %.1f sign-ins/s, server CPU %.1f ms per sign-in, compiler %.0f %% of a core%n",
                    elapsed, window.rate(), cpuPerSignIn, 100 * compilerShare);
            boolean settled = serverPids.isEmpty() || compilerShare < COMPILER_SETTLED;
            if ((elapsed >= atLeast && settled) || elapsed >= atMost) {
                System.out.printf(
                        "login: sign-in warm-up ended after %.0f s: %s%n",
                        elapsed, settled ? "the compiler settled" : "time bound, the compiler still busy");
                return;
            }
        }
    }

    /** Client {@code t} signs in to {@code users.get(t)} again and again, each time on a new session. */
    static Result signIns(String base, List<String> users, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean reported = new AtomicBoolean();
        long start = System.nanoTime();
        Thread[] workers = new Thread[users.size()];
        for (int t = 0; t < users.size(); t++) {
            String user = users.get(t);
            workers[t] = Thread.ofPlatform().start(() -> {
                // One client per worker, each sign-in on a new session: the GET carries no
                // cookie, and the POST carries the one the GET set, if it set one. The
                // connection is kept alive between sign-ins, as a proxy in front of the portal
                // keeps its upstream connections (OPERATIONS.md's nginx): a new HttpClient per
                // sign-in cost the driver 6-23 ms of CPU per sign-in on the portal's cores.
                try (HttpClient http = PortalHttp.clientWithoutCookies()) {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> page = PortalHttp.fetch(http, base + "/login.xhtml");
                            String session = PortalHttp.sessionCookie(page);
                            long t0 = System.nanoTime();
                            // The login fields, the page's view state and its CSP nonce, as a
                            // browser posts them.
                            Map<String, String> form = new HashMap<>(
                                    PortalHttp.withPageState(page.body(), PortalHttp.signInFields(user, PASSWORD)));
                            HttpResponse<String> r = PortalHttp.post(http, base + "/login.xhtml", form, session);
                            long elapsed = System.nanoTime() - t0;
                            if (r.statusCode() == 302
                                    && r.headers()
                                            .firstValue("Location")
                                            .orElse("")
                                            .contains("/inbox.xhtml")) {
                                latencies.add(elapsed);
                            } else {
                                failed.incrementAndGet();
                                if (reported.compareAndSet(false, true)) {
                                    System.err.println("login: unexpected answer " + r.statusCode() + " "
                                            + r.headers().map());
                                }
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            if (reported.compareAndSet(false, true)) {
                                System.err.println("login: " + e);
                            }
                        }
                    }
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        return result(latencies, failed, start);
    }

    private static Result result(List<Long> latencies, AtomicInteger failed, long start) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Result(l.length, failed.get(), l, elapsed);
    }

    /** Mails each address one message over the bridge, then registers each through its link. */
    private static void register(String base, int smtpPort, Path mailbox, List<String> users) throws Exception {
        try (SmtpClient smtp = SmtpClient.connectWithStartTls("127.0.0.1", smtpPort)) {
            for (String user : users) {
                int code = smtp.send(
                        "advisor@bank.example",
                        user,
                        TestMail.build(
                                UUID.randomUUID() + "@bench.invalid",
                                "advisor@bank.example",
                                user,
                                "X-Sealpost-Encrypt: yes",
                                2048));
                if (code != 250) {
                    throw new IllegalStateException("the bridge answered " + code);
                }
            }
        }
        for (String user : users) {
            PortalHttp.register(base, PortalHttp.registrationLink(mailbox, user, Duration.ofSeconds(120)), PASSWORD);
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** This JVM's CPU time so far (all threads, user and system). */
    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
