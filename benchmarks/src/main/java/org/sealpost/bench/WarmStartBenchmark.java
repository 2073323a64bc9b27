package org.sealpost.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The inbox load on a portal that has just become ready (issue 15): the first minute against a
 * later, warm stretch of the same run. Two steps, since the portal is restarted between them:
 *
 * <ul>
 * <li>{@code seed}: S accounts with M messages each, seeded through the bridge and registered
 * through the development mailbox (as {@link InboxBenchmark}); prints the run's name;</li>
 * <li>{@code measure --reuse RUN}: started the moment {@code /health/ready} answers 200 on a
 * freshly started portal; each session signs in at a random point of its first pause, then
 * reads as the inbox benchmark does (inbox page, pause, a message, pause) for the whole run.
 * Every request is filed under the minute (since ready) it started in. With {@code --wait-ready URL}
 * it starts beside the portal, rehearses its own requests against {@link DriverRehearsal} and
 * polls the readiness itself, so that its own warm-up is not counted as the portal's. Then,
 * unless {@code --second-wave 0}, the control: a new crowd of the same users signs in again on
 * the portal now warm and reads for one more minute, the same first minute without the cold
 * start.</li>
 * </ul>
 */
public final class WarmStartBenchmark {

    private WarmStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("seed") || args[0].equals("measure"))) {
            System.err.println(
                    "usage: WarmStartBenchmark seed|measure --base URL [--smtp-port P --mailbox DIR --db URL] "
                            + "[--sessions S --messages M] [--reuse RUN --minutes N --warm-from MIN --think-ms T --label L --ready-ms MS | --wait-ready URL --started-at-ms EPOCH_MS --driver-warm-up-ms MS --signed-in-pre-warm READERS --sign-in-pre-warm USERS] [--trace FILE] [--second-wave 0|1]");
            System.exit(64);
        }
        BenchOptions a = BenchOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        String base = a.base();
        int sessions = a.number("sessions", 50);
        if (args[0].equals("seed")) {
            seed(a, base, sessions);
        } else {
            measure(a, base, sessions);
        }
    }

    private static void seed(BenchOptions a, String base, int sessions) throws Exception {
        int smtpPort = a.smtpPort();
        Path mailbox = a.mailbox();
        int perMailbox = a.number("messages", 1000);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> users = users(sessions, run);
        long t0 = System.nanoTime();
        InboxBenchmark.seed(smtpPort, users, perMailbox);
        if (a.has("db")) {
            // Before registering: a later notification of the burst retires the earlier link.
            InboxBenchmark.awaitBackgroundWork(a.get("db"), "seeding");
        }
        for (String user : users) {
            PortalHttp.register(
                    base, PortalHttp.registrationLink(mailbox, user, Duration.ofMinutes(2)), InboxBenchmark.PASSWORD);
        }
        System.err.printf(
                "warm: seeded and registered %d mailboxes x %d messages in %.0f s%n",
                sessions, perMailbox, (System.nanoTime() - t0) / 1e9);
        // stdout carries only the run's name: the script reads it.
        System.out.println(run);
    }

    private static List<String> users(int sessions, String run) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            users.add("reader" + i + "." + run + "@client.example");
        }
        return users;
    }

    /** One request: when it started (since the driver started, which is when the portal was ready) and how long it took. */
    private record Sample(long startedNanos, long tookNanos) {}

    private static void measure(BenchOptions a, String base, int sessions) throws Exception {
        String run = a.get("reuse");
        if (run == null) {
            throw new IllegalArgumentException("measure needs --reuse RUN (the name seed printed)");
        }
        int minutes = a.number("minutes", 5);
        // The warm stretch: from this minute to the end; minutes 4-5 by default.
        int warmFrom = a.number("warm-from", 3);
        long think = a.longNumber("think-ms", 1000);
        String label = a.text("label", "?");
        List<String> users = users(sessions, run);
        String readyAfter = "?";
        if (a.has("wait-ready")) {
            // Started beside the portal, not after it: this JVM's own first minute (its HTTP
            // client, its threads, its JIT) would otherwise run on the portal's cores during the
            // portal's first minute and be counted as the portal's. It rehearses the very loop
            // below against a stand-in on loopback, then waits for the portal's readiness.
            long rehearsal = a.longNumber("driver-warm-up-ms", 15_000);
            try (DriverRehearsal standIn = DriverRehearsal.start()) {
                Crowd practice = new Crowd(standIn.base(), users, 20, System.nanoTime() + rehearsal * 1_000_000L);
                practice.run();
                System.err.printf(
                        "warm [%s]: driver rehearsed %d requests on a stand-in in %d ms%n",
                        label, practice.inbox.size() + practice.view.size() + practice.signIns.size(), rehearsal);
            }
            int readers = a.number("signed-in-pre-warm", 0);
            int signingIn = a.number("sign-in-pre-warm", 0);
            SignedInPreWarm preWarm = readers > 0
                    ? SignedInPreWarm.start(users.subList(0, readers), (p, user) -> p.read(base, user))
                    : signingIn > 0
                            ? SignedInPreWarm.start(users.subList(0, signingIn), (p, user) -> p.signIn(base, user))
                            : null;
            awaitReady(a.get("wait-ready"));
            if (preWarm != null) {
                System.err.printf("warm [%s]: %s%n", label, preWarm.stop());
            }
            if (a.has("started-at-ms")) {
                readyAfter = String.format(
                        "%.1f s", (System.currentTimeMillis() - Long.parseLong(a.get("started-at-ms"))) / 1000.0);
            }
        }
        long zero = System.nanoTime();
        long cpuZero = processCpuNanos();
        Optional<PortalCpuTrace> portalCpu = PortalCpuTrace.start(zero);
        Crowd crowd = new Crowd(base, users, think, zero + minutes * 60_000_000_000L);
        crowd.run();
        List<Sample> signIns = crowd.signIns;
        List<Sample> inbox = crowd.inbox;
        List<Sample> view = crowd.view;
        String ready =
                a.has("ready-ms") ? String.format("%.1f s", Long.parseLong(a.get("ready-ms")) / 1000.0) : readyAfter;
        System.out.printf(
                "warm [%s]: ready %s after start; %d sessions, think %d ms; %d sign-ins p50 %.0f / p95 %.0f ms; %d errors%n",
                label,
                ready,
                sessions,
                think,
                signIns.size(),
                pct(signIns, 0, Long.MAX_VALUE, 50),
                pct(signIns, 0, Long.MAX_VALUE, 95),
                crowd.errors.errors());
        long minute = 60_000_000_000L;
        line(label, "minute 1", inbox, view, 0, minute);
        line(label, "minutes " + (warmFrom + 1) + "-" + minutes, inbox, view, warmFrom * minute, minutes * minute);
        double first = pct(inbox, 0, minute, 95);
        double warm = pct(inbox, warmFrom * minute, minutes * minute, 95);
        double firstView = pct(view, 0, minute, 95);
        double warmView = pct(view, warmFrom * minute, minutes * minute, 95);
        System.out.printf(
                "warm [%s]: p95 minute 1 / warm: inbox %.2fx, message view %.2fx (target: within 1.5x)%n",
                label, first / warm, firstView / warmView);
        // What a single start's ratio can be trusted to: two p95s of ~1,500 requests each on a
        // shared machine. The warm minutes of the same run, each on its own, show how far two
        // minutes of the same warm portal under the same load differ; and minute 1 after its
        // first 10 s (the fifty sign-ins at once, which a warm portal's storm has as well, see
        // the control) shows what is left of the cold start beside it.
        if (minutes - warmFrom >= 2) {
            double fastest = Double.MAX_VALUE;
            double slowest = 0;
            StringBuilder each = new StringBuilder();
            for (int m = warmFrom; m < minutes; m++) {
                double p95 = pct(inbox, m * minute, (m + 1) * minute, 95);
                fastest = Math.min(fastest, p95);
                slowest = Math.max(slowest, p95);
                each.append(String.format(" m%d %.1f", m + 1, p95));
            }
            System.out.printf(
                    "warm [%s]: the warm minutes one by one, inbox p95 ms:%s; the slowest / the fastest: %.2fx (this run's own spread)%n",
                    label, each, slowest / fastest);
        }
        double afterStorm = pct(inbox, 10_000_000_000L, minute, 95);
        System.out.printf(
                "warm [%s]: minute 1 after its first 10 s: inbox p95 %.1f ms, %.2fx the warm figure%n",
                label, afterStorm, afterStorm / warm);
        StringBuilder curve = new StringBuilder();
        for (int m = 0; m < minutes; m++) {
            curve.append(String.format(
                    " m%d %.0f/%.0f",
                    m + 1, pct(inbox, m * minute, (m + 1) * minute, 95), pct(view, m * minute, (m + 1) * minute, 95)));
        }
        System.out.printf("warm [%s]: p95 per minute, inbox/message ms:%s%n", label, curve);
        // Where in minute 1 the slow requests are: the sign-in storm, or all of it.
        System.out.printf(
                "warm [%s]: minute 1 by 10 s, p95 inbox/message ms (inbox requests):%s%n",
                label, byTenSeconds(inbox, view));
        portalCpu.ifPresent(cpu -> System.out.printf(
                "warm [%s]: portal CPU, %% of a core total/compiler/GC: minute 1 by 10 s%s; by minute%s%n",
                label, cpu.byTenSecondsSince(zero), cpu.byMinute(minutes)));
        System.out.printf(
                "warm [%s]: driver CPU %.1f s over the run (this JVM, on the portal's cores)%n",
                label, (processCpuNanos() - cpuZero) / 1e9);
        if (a.has("trace")) {
            trace(Path.of(a.get("trace")), signIns, inbox, view);
        }
        if (a.number("second-wave", 1) > 0) {
            secondWave(base, users, think, label, first, portalCpu);
        }
    }

    /**
     * The control: the same first minute on the portal now warm. A new crowd of the same users
     * signs in again (new sessions, all within the first pause, as at the start) and reads for a
     * minute. Minute 1 after a start carries two costs, the sign-in storm's hashes and the cold
     * JIT; this minute carries only the first, so "minute 1 / this" is what a start costs beyond
     * a storm that a warm portal would meet as well.
     */
    private static void secondWave(
            String base, List<String> users, long think, String label, double firstP95, Optional<PortalCpuTrace> cpu)
            throws InterruptedException {
        long minute = 60_000_000_000L;
        long waveZero = System.nanoTime();
        Crowd wave = new Crowd(base, users, think, System.nanoTime() + minute);
        wave.run();
        double waveP95 = pct(wave.inbox, 0, minute, 95);
        System.out.printf(
                "warm [%s]: control, the same first minute on the warm portal (%d sign-ins again, p50 %.0f ms): inbox p95 %.0f ms, message view p95 %.0f ms; minute 1 after the start / this: inbox %.2fx; %d errors%n",
                label,
                wave.signIns.size(),
                pct(wave.signIns, 0, Long.MAX_VALUE, 50),
                waveP95,
                pct(wave.view, 0, minute, 95),
                firstP95 / waveP95,
                wave.errors.errors());
        System.out.printf(
                "warm [%s]: control by 10 s, p95 inbox/message ms (inbox requests):%s%n",
                label, byTenSeconds(wave.inbox, wave.view));
        cpu.ifPresent(c -> System.out.printf(
                "warm [%s]: control's portal CPU by 10 s, %% of a core total/compiler/GC:%s%n",
                label, c.byTenSecondsSince(waveZero)));
    }

    /** A minute's inbox and message view p95 by 10 s, each with its inbox request count. */
    private static String byTenSeconds(List<Sample> inbox, List<Sample> view) {
        StringBuilder tens = new StringBuilder();
        long tenSeconds = 10_000_000_000L;
        for (int t = 0; t < 6; t++) {
            long from = t * tenSeconds;
            long to = from + tenSeconds;
            tens.append(String.format(
                    " %d-%ds %.0f/%.0f (%d)",
                    t * 10, t * 10 + 10, pct(inbox, from, to, 95), pct(view, from, to, 95), count(inbox, from, to)));
        }
        return tens.toString();
    }

    /**
     * Every request of the run, one line each (kind, start in ms since ready, time taken in ms),
     * for finer questions than the printed windows answer: where in minute 1 the slow ones are.
     */
    private static void trace(Path file, List<Sample> signIns, List<Sample> inbox, List<Sample> view)
            throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        lines.add("kind,started_ms,took_ms");
        for (var kind : List.of(Map.entry("sign-in", signIns), Map.entry("inbox", inbox), Map.entry("view", view))) {
            synchronized (kind.getValue()) {
                for (Sample s : kind.getValue()) {
                    lines.add(
                            String.format("%s,%.1f,%.2f", kind.getKey(), s.startedNanos() / 1e6, s.tookNanos() / 1e6));
                }
            }
        }
        Files.write(file, lines);
    }

    /** The sessions of one run: each signs in, then reads until {@code end} (System.nanoTime). */
    private static final class Crowd {
        final List<Sample> signIns = Collections.synchronizedList(new ArrayList<>());
        final List<Sample> inbox = Collections.synchronizedList(new ArrayList<>());
        final List<Sample> view = Collections.synchronizedList(new ArrayList<>());
        final SessionCrowd errors = new SessionCrowd("warm: error: ");
        private final String base;
        private final List<String> users;
        private final long think;
        private final long end;
        private final long zero = System.nanoTime();

        Crowd(String base, List<String> users, long think, long end) {
            this.base = base;
            this.users = users;
            this.think = think;
            this.end = end;
        }

        void run() throws InterruptedException {
            errors.run(users.size(), s -> {
                String user = users.get(s);
                // Sessions arrive spread over the first pause, as in the inbox benchmark: 50
                // sign-ins in the same millisecond would be a burst, not a fresh portal's load.
                Thread.sleep(ThreadLocalRandom.current().nextLong(Math.max(1, think)));
                long t = System.nanoTime();
                HttpClient http = PortalHttp.signIn(base, user, InboxBenchmark.PASSWORD);
                signIns.add(new Sample(t - zero, System.nanoTime() - t));
                long[] mine = null;
                while (System.nanoTime() < end) {
                    t = System.nanoTime();
                    HttpResponse<String> page = PortalHttp.fetch(http, base + "/inbox.xhtml");
                    inbox.add(new Sample(t - zero, System.nanoTime() - t));
                    if (!page.body().contains("message.xhtml?id=")) {
                        errors.report("inbox page " + page.statusCode() + ": " + InboxBenchmark.excerpt(page.body()));
                    } else if (mine == null) {
                        mine = InboxBenchmark.messageIds(page.body());
                    }
                    SessionCrowd.pause(think);
                    if (mine == null) {
                        continue;
                    }
                    long id = mine[ThreadLocalRandom.current().nextInt(mine.length)];
                    t = System.nanoTime();
                    HttpResponse<String> message = PortalHttp.fetch(http, base + "/message.xhtml?id=" + id);
                    view.add(new Sample(t - zero, System.nanoTime() - t));
                    if (!message.body().contains("body-")) {
                        errors.report(
                                "message page " + message.statusCode() + ": " + InboxBenchmark.excerpt(message.body()));
                    }
                    SessionCrowd.pause(think);
                }
            });
        }
    }

    /**
     * Two experiments (issue 15), each run beside the portal's own warm-up while it is still
     * warming up (its pages are served before readiness): what a warm-up that reads as a
     * signed-in recipient through the real pages would give ({@code --signed-in-pre-warm}: each
     * reader signs in once, then reads its inbox and messages with no pause until readiness;
     * ADR 0033 came of it), and what one that signs in as often as a storm does would give
     * ({@code --sign-in-pre-warm}: each user signs in through the form every 400 ms and opens
     * the inbox the redirect leads to, a new session each time; ADR 0037).
     */
    private static final class SignedInPreWarm {
        private final AtomicBoolean ready = new AtomicBoolean();
        private final AtomicLong requests = new AtomicLong();
        private final List<Thread> threads = new ArrayList<>();

        /** One thread per user, each running {@code experiment} (its {@link #read} or {@link #signIn}). */
        static SignedInPreWarm start(List<String> users, BiConsumer<SignedInPreWarm, String> experiment) {
            SignedInPreWarm p = new SignedInPreWarm();
            for (String user : users) {
                p.threads.add(Thread.ofPlatform().start(() -> experiment.accept(p, user)));
            }
            return p;
        }

        /**
         * A sign-in through the form every 400 ms, each followed by the inbox the redirect leads
         * to: the portal's warm-up runs the sign-in page path once per reader, the storm after
         * readiness fifty times at once. Each sign-in is a real one (audited, counted).
         */
        void signIn(String base, String user) {
            untilReady(() -> {
                HttpClient http = PortalHttp.signIn(base, user, InboxBenchmark.PASSWORD);
                PortalHttp.get(http, base + "/inbox.xhtml");
                requests.addAndGet(3);
                Thread.sleep(400);
            });
        }

        void read(String base, String user) {
            untilReady(() -> {
                HttpClient http = PortalHttp.signIn(base, user, InboxBenchmark.PASSWORD);
                long[] mine = InboxBenchmark.messageIds(PortalHttp.get(http, base + "/inbox.xhtml"));
                while (!ready.get()) {
                    PortalHttp.get(http, base + "/inbox.xhtml");
                    PortalHttp.get(
                            http,
                            base + "/message.xhtml?id="
                                    + mine[ThreadLocalRandom.current().nextInt(mine.length)]);
                    requests.addAndGet(2);
                }
            });
        }

        /** One experiment's step, again and again until readiness. */
        private interface Step {
            void run() throws Exception;
        }

        /** Runs {@code step} until readiness; a failure (the pages not served yet) waits 200 ms. */
        private void untilReady(Step step) {
            while (!ready.get()) {
                try {
                    step.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception notServingYet) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        String stop() throws InterruptedException {
            ready.set(true);
            for (Thread t : threads) {
                t.join();
            }
            return String.format(
                    "signed-in pre-warm: %d readers made %d requests before readiness", threads.size(), requests.get());
        }
    }

    /** Polls the portal's readiness every 20 ms until it answers 200 (at most ten minutes). */
    private static void awaitReady(String url) throws Exception {
        HttpClient http = PortalHttp.clientWithoutCookies();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (PortalHttp.fetch(http, url).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " did not answer 200 within ten minutes");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void line(String label, String what, List<Sample> inbox, List<Sample> view, long from, long to) {
        double seconds = (to - from) / 1e9;
        System.out.printf(
                "warm [%s]: %s: inbox %.0f req/s p50 %.0f / p95 %.0f / p99 %.0f ms; message view %.0f req/s p50 %.0f / p95 %.0f / p99 %.0f ms%n",
                label,
                what,
                count(inbox, from, to) / seconds,
                pct(inbox, from, to, 50),
                pct(inbox, from, to, 95),
                pct(inbox, from, to, 99),
                count(view, from, to) / seconds,
                pct(view, from, to, 50),
                pct(view, from, to, 95),
                pct(view, from, to, 99));
    }

    private static long count(List<Sample> samples, long from, long to) {
        synchronized (samples) {
            return samples.stream()
                    .filter(s -> s.startedNanos() >= from && s.startedNanos() < to)
                    .count();
        }
    }

    private static double pct(List<Sample> samples, long from, long to, int p) {
        long[] sorted;
        synchronized (samples) {
            sorted = samples.stream()
                    .filter(s -> s.startedNanos() >= from && s.startedNanos() < to)
                    .mapToLong(Sample::tookNanos)
                    .sorted()
                    .toArray();
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
