package org.sealpost.bench;

import jakarta.mail.Transport;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.sealpost.bridge.BridgeSettings;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.MailBridge;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.notification.NotificationComposer;
import org.sealpost.portal.operator.StandalonePersistence;
import org.sealpost.portal.outbound.OutboundDesk;
import org.sealpost.portal.outbound.OutboundQueue;
import org.sealpost.portal.outbound.RetrySchedule;
import org.sealpost.portal.outbound.SmarthostConnection;
import org.sealpost.portal.outbound.SmarthostTransport;

/**
 * The outbound queue's throughput without Payara: queues N replies (RELAY rows of sealed 4 KB
 * messages, as compose queues them) in a fresh database on a PostgreSQL server, and drains them
 * with the portal's own {@link OutboundDesk} (one transaction per recipient) to a STARTTLS
 * smarthost on loopback that writes each mail to a file, as the development mailbox does
 * (same server code, 10 connections at most). Modes, interleaved in one run:
 * <ul>
 * <li>{@code session-per-mail}: a new SMTP session for every mail (what the worker did before);
 * <li>{@code session-per-mail-x4}: the same, four passes at once (every wake started its own);
 * <li>{@code session-per-pass}: one SMTP session for the whole pass (the worker now);
 * <li>{@code sessions-only}: N × connect, EHLO, STARTTLS, certificate check, EHLO, QUIT, no mail.
 * </ul>
 * Usage: {@code OutboundBenchmark --jdbc jdbc:postgresql://127.0.0.1:5432/postgres --mails 300 --rounds 2}.
 */
public final class OutboundBenchmark {

    private static final String PASSWORD = "bench";

    private OutboundBenchmark() {}

    public static void main(String[] args) throws Exception {
        String adminUrl = option(args, "--jdbc", "jdbc:postgresql://127.0.0.1:5432/postgres");
        int mails = Integer.parseInt(option(args, "--mails", "300"));
        int rounds = Integer.parseInt(option(args, "--rounds", "2"));
        Path work = Files.createTempDirectory("sealpost-bench-outbound");
        String dbName = "bench_outbound_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + dbName);
        }
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + dbName);
        db.setUser("postgres");
        SchemaMigrations.migrate(db);
        // The delivery runs in an entity manager's transaction, as in Payara (ADR 0003).
        EntityManagerFactory emf = StandalonePersistence.open(db.getUrl(), "postgres", "");

        MessageSealer sealer =
                new MessageSealer(KeyEncryptionKeys.openOrCreate(work.resolve("kek.p12"), PASSWORD.toCharArray()));
        OutboundDesk desk = new OutboundDesk(
                new NotificationComposer().withBuiltInMails(),
                sealer,
                new RetrySchedule(Duration.ofMinutes(5), Duration.ofDays(5)),
                Duration.ofMinutes(10));
        BridgeCertificates certs = BridgeCertificates.loadOrGenerate(work.resolve("smarthost"), "localhost");
        Path mailbox = Files.createDirectories(work.resolve("mail"));
        AtomicInteger arrived = new AtomicInteger();
        MailBridge smarthost = MailBridge.start(
                BridgeSettings.builder()
                        .bindAddress("127.0.0.1")
                        .port(0)
                        .hostName("localhost")
                        .acceptUnflagged(true)
                        .internalDomains(Set.of())
                        .maxConnections(10)
                        .certificates(certs)
                        .build(),
                m -> {
                    write(mailbox, m);
                    arrived.incrementAndGet();
                    return SinkVerdict.accepted();
                });
        Path trust = trustStore(certs, work.resolve("trust.p12"));
        SmarthostTransport transport =
                new SmarthostTransport("localhost", smarthost.port(), Optional.of(trust), PASSWORD.toCharArray());
        // As the transport was before: the JDK's default sockets, Nagle's algorithm on.
        SmarthostTransport before =
                new SmarthostTransport("localhost", smarthost.port(), Optional.of(trust), PASSWORD.toCharArray());
        before.session().getProperties().remove("mail.smtp.socketFactory");
        try {
            long sender;
            List<UUID> contents = new ArrayList<>();
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                s.execute(
                        "INSERT INTO account (email, role, state) VALUES ('anna@client.example', 'RECIPIENT', 'ACTIVE')");
                try (ResultSet rs = s.executeQuery("SELECT id FROM account")) {
                    rs.next();
                    sender = rs.getLong(1);
                }
                for (int i = 0; i < mails; i++) {
                    byte[] mime = reply(i);
                    UUID id = UUID.randomUUID();
                    StoredMessages.storeContent(c, id, sealer.seal(id, mime, new byte[0]), mime.length, Instant.now());
                    contents.add(id);
                }
            }
            // One unmeasured round of each warms up the JIT, TLS and the connection to PostgreSQL.
            System.out.printf(
                    "mails=%d rounds=%d cpus=%d java=%s%n",
                    mails, rounds, Runtime.getRuntime().availableProcessors(), Runtime.version());
            for (int round = 0; round <= rounds; round++) {
                String tag = round == 0 ? "warm-up" : "round " + round;
                report(tag, "sessions-only-nagle", mails, sessionsOnly(before, mails), mails, -1);
                report(tag, "sessions-only", mails, sessionsOnly(transport, mails), mails, -1);
                for (int passes : new int[] {1, 4}) {
                    queue(db, sender, contents);
                    arrived.set(0);
                    AtomicInteger sessions = new AtomicInteger();
                    long nanos = drain(emf, desk, before, passes, false, sessions);
                    check(db, arrived.get(), mails);
                    report(tag, passes == 1 ? "before" : "before-x4", mails, nanos, sessions.get(), arrived.get());
                }
                queue(db, sender, contents);
                arrived.set(0);
                AtomicInteger perMail = new AtomicInteger();
                long perMailNanos = drain(emf, desk, transport, 1, false, perMail);
                check(db, arrived.get(), mails);
                report(tag, "session-per-mail", mails, perMailNanos, perMail.get(), arrived.get());
                queue(db, sender, contents);
                arrived.set(0);
                AtomicInteger sessions = new AtomicInteger();
                long nanos = drain(emf, desk, transport, 1, true, sessions);
                check(db, arrived.get(), mails);
                report(tag, "session-per-pass", mails, nanos, sessions.get(), arrived.get());
            }
        } finally {
            smarthost.close();
            emf.close();
            try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "");
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
        }
    }

    /** Drains the queue with {@code passes} concurrent passes; one session per pass or per mail. */
    private static long drain(
            EntityManagerFactory emf,
            OutboundDesk desk,
            SmarthostTransport transport,
            int passes,
            boolean sessionPerPass,
            AtomicInteger sessions)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(passes);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            running.add(pool.submit(() -> {
                if (sessionPerPass) {
                    try (SmarthostConnection smtp = transport.connection()) {
                        while (StandalonePersistence.inTransaction(
                                emf, em -> desk.deliverNext(em, smtp, Instant.now()))) {
                            // one recipient per transaction, as OutboundDelivery
                        }
                        sessions.addAndGet(smtp.sessionsOpened());
                    }
                } else {
                    boolean more = true;
                    while (more) {
                        try (SmarthostConnection smtp = transport.connection()) {
                            more = StandalonePersistence.inTransaction(
                                    emf, em -> desk.deliverNext(em, smtp, Instant.now()));
                            sessions.addAndGet(smtp.sessionsOpened());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        return nanos;
    }

    private static long sessionsOnly(SmarthostTransport transport, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (Transport t = transport.session().getTransport("smtp")) {
                t.connect();
            }
        }
        return System.nanoTime() - start;
    }

    private static void queue(PGSimpleDataSource db, long sender, List<UUID> contents) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM outbound_mail");
            Instant now = Instant.now().minusSeconds(1);
            for (int i = 0; i < contents.size(); i++) {
                OutboundQueue.enqueueRelay(c, "colleague" + i + "@bank.example", sender, contents.get(i), now);
            }
        }
    }

    private static void check(PGSimpleDataSource db, int arrived, int mails) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FILTER (WHERE state = 'SENT'), count(*) FROM outbound_mail")) {
            rs.next();
            if (rs.getInt(1) != mails || rs.getInt(2) != mails || arrived != mails) {
                throw new IllegalStateException("expected " + mails + " sent and arrived, found " + rs.getInt(1)
                        + " sent of " + rs.getInt(2) + ", " + arrived + " arrived");
            }
        }
    }

    private static void report(String round, String mode, int mails, long nanos, int sessions, int arrived) {
        double seconds = nanos / 1e9;
        System.out.printf(
                "%-8s %-20s %5d in %7.2f s = %7.1f/s, %6.2f ms each; SMTP sessions %d%s%n",
                round,
                mode,
                mails,
                seconds,
                mails / seconds,
                seconds * 1000 / mails,
                sessions,
                arrived < 0 ? "" : ", arrived " + arrived);
    }

    /** A 4 KB reply, as the compose benchmark sends. */
    private static byte[] reply(int i) {
        String text = "Thanks, Bob. ".repeat(4096 / 13);
        return String.join(
                        "\r\n",
                        "From: \"anna@client.example via Sealpost\" <portal@bank.example>",
                        "Reply-To: anna@client.example",
                        "To: colleague" + i + "@bank.example",
                        "Subject: Re: Quarterly figures " + i,
                        "Message-ID: <bench-" + i + "@portal.bank.example>",
                        "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=UTF-8",
                        "",
                        text,
                        "")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** As the development mailbox: a temporary name, then an atomic move. */
    private static void write(Path dir, InboundMessage m) {
        String name = UUID.randomUUID() + ".eml";
        Path temporary = dir.resolve("." + name + ".tmp");
        try {
            Files.write(temporary, m.rawMime());
            Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path trustStore(BridgeCertificates certs, Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("smarthost", certs.certificate());
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
