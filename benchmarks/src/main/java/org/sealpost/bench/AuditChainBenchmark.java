package org.sealpost.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.ds.PGSimpleDataSource;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditChainHash;
import org.sealpost.portal.audit.AuditChainLinker;
import org.sealpost.portal.audit.AuditEvent;
import org.sealpost.portal.audit.AuditTrail;

/**
 * ADR 0014's question, asked of PostgreSQL alone: what does chaining the audit trail cost the
 * intake's transactions? C threads run intake-like transactions (an outbound row and an audit
 * event, then COMMIT with its WAL flush) for S seconds in each of three modes, in rounds
 * (none, a, b, none, a, b, …) so that a busy machine hurts each mode alike:
 * <ul>
 * <li>{@code none}: the audit event inserted unlinked, nothing links it (the intake before V14);</li>
 * <li>{@code a}: linked at insert under {@code pg_advisory_xact_lock}, held until commit: read
 * the head, insert, hash, write the link and the head (the rejected design);</li>
 * <li>{@code b}: inserted unlinked while a linker thread runs {@link AuditChainLinker} every
 * second, as {@code AuditChainWorker} does (the chosen design).</li>
 * </ul>
 * Works on a fresh database it creates beside the one named by {@code --db} (a user allowed to
 * create databases), migrated with the portal's migrations.
 */
public final class AuditChainBenchmark {

    private AuditChainBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args);
        String url = o.text("db", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = o.text("user", "postgres");
        String password = o.text("password", "");
        int threads = o.number("connections", 16);
        int seconds = o.number("seconds", 10);
        int rounds = o.number("rounds", 2);

        String name = "bench_audit_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(url, user, password);
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String benchUrl = url.substring(0, url.lastIndexOf('/') + 1) + name;
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(benchUrl);
        ds.setUser(user);
        ds.setPassword(password);
        SchemaMigrations.migrate(ds);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            System.out.printf(
                    "audit chain: %d connections, %d s per mode, %d rounds, synchronous_commit=%s%n",
                    threads, seconds, rounds, rs.getString(1));
        }
        try {
            for (int round = 1; round <= rounds; round++) {
                for (String mode : List.of("none", "a", "b")) {
                    run(ds, mode, threads, seconds);
                }
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(url, user, password);
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static void run(PGSimpleDataSource ds, String mode, int threads, int seconds) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE audit_event, outbound_mail RESTART IDENTITY");
            s.execute("UPDATE audit_chain_head SET last_seq = 0, last_hash = decode(repeat('00', 32), 'hex')");
            s.execute("VACUUM ANALYZE audit_event");
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<long[]>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> write(ds, mode, thread, running)));
        }
        Future<?> linker = "b".equals(mode) ? pool.submit(() -> link(ds, running)) : null;
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> f : writers) {
            for (long l : f.get()) {
                latencies.add(l);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (linker != null) {
            linker.get();
        }
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        String chain;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(chain_seq) FROM audit_event")) {
            rs.next();
            chain = rs.getLong(2) + " of " + rs.getLong(1) + " linked at the end";
        }
        System.out.printf(
                "mode %-4s: %7.1f tx/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %s%n",
                mode, sorted.length / elapsed, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), chain);
    }

    /** One writer's transactions until told to stop; the latency of each in microseconds. */
    private static long[] write(PGSimpleDataSource ds, String mode, int thread, AtomicBoolean running)
            throws SQLException {
        List<Long> latencies = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            int n = 0;
            while (running.get()) {
                long t0 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outbound_mail (kind, recipient, state, next_attempt_at) VALUES ('NOTIFY_NEW_MESSAGE', ?, 'QUEUED', now())")) {
                    ps.setString(1, "r" + thread + "." + n + "@client.example");
                    ps.executeUpdate();
                }
                Instant now = Instant.now();
                String detail = "1 recipient(s), 10240 bytes, TLSv1.3";
                if ("a".equals(mode)) {
                    linkAtInsert(c, now, detail);
                } else {
                    AuditTrail.on(c)
                            .record(
                                    "mail-bridge",
                                    AuditAction.MESSAGE_RECEIVED,
                                    "message",
                                    UUID.randomUUID().toString(),
                                    "127.0.0.1",
                                    detail,
                                    now);
                }
                c.commit();
                latencies.add((System.nanoTime() - t0) / 1_000);
                n++;
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    /** Design (a), for comparison only: the lock is held from here until the caller's commit. */
    private static void linkAtInsert(Connection c, Instant now, String detail) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(7514)");
        }
        long seq;
        byte[] previous;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")) {
            rs.next();
            seq = rs.getLong(1) + 1;
            previous = rs.getBytes(2);
        }
        String target = UUID.randomUUID().toString();
        long id;
        OffsetDateTime at;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, client_address, detail)
                VALUES (?, 'mail-bridge', 'MESSAGE_RECEIVED', 'message', ?, '127.0.0.1', ?) RETURNING id, occurred_at""")) {
            ps.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
            ps.setString(2, target);
            ps.setString(3, detail);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                at = rs.getObject(2, OffsetDateTime.class);
            }
        }
        byte[] hash = AuditChainHash.hash(
                new AuditEvent(
                        id,
                        null,
                        null,
                        at.toInstant(),
                        "mail-bridge",
                        "MESSAGE_RECEIVED",
                        "message",
                        target,
                        "127.0.0.1",
                        detail,
                        null,
                        null,
                        null),
                seq,
                previous);
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE audit_event SET chain_seq = ?, chain_hash = ? WHERE id = ?")) {
            ps.setLong(1, seq);
            ps.setBytes(2, hash);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setBytes(2, hash);
            ps.executeUpdate();
        }
    }

    /** Design (b)'s worker: a pass every second, batches until caught up; a last pass after the writers stop. */
    private static Void link(PGSimpleDataSource ds, AtomicBoolean running) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            boolean last = false;
            while (!last) {
                last = !running.get();
                int linked;
                do {
                    linked = AuditChainLinker.linkBatch(c, Instant.now());
                    c.commit();
                } while (linked == AuditChainLinker.BATCH);
                if (!last) {
                    Thread.sleep(1000);
                }
            }
        }
        return null;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }
}
