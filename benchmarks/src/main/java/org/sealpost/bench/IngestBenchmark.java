package org.sealpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives the bridge of a running portal: N messages over STARTTLS from C concurrent
 * connections, M messages per connection, and reports messages/s, per-message latency
 * (MAIL FROM to the reply after DATA, which the bridge sends only after the commit) and the
 * server's CPU time per message.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o.warmup > 0) {
            run(o.withMessages(o.warmup), false);
        }
        run(o, true);
    }

    static void run(Options o, boolean report) throws Exception {
        AtomicInteger remaining = new AtomicInteger(o.messages);
        long[] latencies = new long[o.messages];
        AtomicInteger latencyCount = new AtomicInteger();
        LongAdder connectNanos = new LongAdder();
        LongAdder connections = new LongAdder();
        Map<Integer, LongAdder> replies = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(o.connections);

        long cpuBefore = ServerCpu.ticks(o.serverPids);
        long start = System.nanoTime();
        for (int t = 0; t < o.connections; t++) {
            int worker = t;
            Thread.ofPlatform().name("bench-" + t).start(() -> {
                try {
                    int sent = 0;
                    while (remaining.get() > 0) {
                        long c0 = System.nanoTime();
                        try (SmtpClient client = SmtpClient.connectWithStartTls(o.host, o.port)) {
                            connectNanos.add(System.nanoTime() - c0);
                            connections.increment();
                            for (int i = 0; i < o.perConnection && remaining.getAndDecrement() > 0; i++) {
                                String to = "customer" + ((worker * 7919 + sent++) % o.distinctRecipients)
                                        + "@client.example";
                                byte[] body = TestMail.build(
                                        "bench-" + UUID.randomUUID() + "@bench.invalid",
                                        "advisor@bank.example",
                                        to,
                                        o.flagHeader,
                                        o.size);
                                long m0 = System.nanoTime();
                                int code = client.send("advisor@bank.example", to, body);
                                long elapsed = System.nanoTime() - m0;
                                replies.computeIfAbsent(code, k -> new LongAdder())
                                        .increment();
                                int slot = latencyCount.getAndIncrement();
                                if (slot < latencies.length) {
                                    latencies[slot] = elapsed;
                                }
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            if (failures.get() < 5) {
                                System.err.println("bench: " + e.getMessage());
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuTicks = ServerCpu.ticks(o.serverPids) - cpuBefore;
        if (!report) {
            return;
        }
        int n = Math.min(latencyCount.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        Map<Integer, Long> replyCounts = new TreeMap<>();
        replies.forEach((k, v) -> replyCounts.put(k, v.sum()));
        long accepted = replyCounts.getOrDefault(250, 0L);
        System.out.printf(
                "ingest: %d msgs of ~%d B, %d connections, %d msg/conn: %.1f msg/s accepted; latency per message p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; "
                        + "connect+STARTTLS mean %.1f ms; server CPU %s; replies %s; connection errors %d; %.1f s%n",
                n,
                o.size,
                o.connections,
                o.perConnection,
                accepted / seconds,
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                connections.sum() == 0 ? 0 : connectNanos.sum() / 1e6 / connections.sum(),
                o.serverPids.isEmpty()
                        ? "n/a (no --server-pid)"
                        : String.format(
                                "%.2f ms/msg (%.0f%% of one core)",
                                cpuTicks * 1000.0 / ServerCpu.TICKS_PER_SECOND / Math.max(1, accepted),
                                cpuTicks * 100.0 / ServerCpu.TICKS_PER_SECOND / seconds),
                replyCounts,
                failures.get(),
                seconds);
        if (o.output != null) {
            Files.writeString(
                    o.output,
                    String.format(
                            "%d,%d,%d,%.1f,%.2f,%.2f,%.2f%n",
                            o.messages,
                            o.connections,
                            o.perConnection,
                            accepted / seconds,
                            pct(sorted, 50),
                            pct(sorted, 95),
                            pct(sorted, 99)),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    record Options(
            String host,
            int port,
            int messages,
            int connections,
            int perConnection,
            int size,
            String flagHeader,
            List<Long> serverPids,
            int warmup,
            int distinctRecipients,
            Path output) {

        Options withMessages(int n) {
            return new Options(
                    host,
                    port,
                    n,
                    connections,
                    perConnection,
                    size,
                    flagHeader,
                    serverPids,
                    0,
                    distinctRecipients,
                    null);
        }

        static Options parse(String[] args) {
            BenchOptions a = BenchOptions.parse(args);
            List<Long> pids = new ArrayList<>();
            for (String p : a.text("server-pids", "").split(",")) {
                if (!p.isBlank()) {
                    pids.add(Long.parseLong(p.trim()));
                }
            }
            return new Options(
                    a.text("host", "127.0.0.1"),
                    a.number("port", 2525),
                    a.number("messages", 3000),
                    a.number("connections", 8),
                    a.number("per-connection", 1),
                    a.number("size", 10240),
                    a.text("flag-header", "X-Sealpost-Encrypt: yes"),
                    pids,
                    a.number("warmup", 1000),
                    a.number("recipients", 500),
                    a.has("csv") ? Path.of(a.get("csv")) : null);
        }
    }
}
