package org.sealpost.portal.search;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.intake.IntakeStore;
import org.sealpost.search.MessageIndex;
import org.sealpost.testsupport.TestDatabase;

/**
 * Times a node's full search index rebuild from the database: seeds {@code bench.messages}
 * sealed ~2 KB messages (Zipfian words) for {@code bench.accounts} accounts straight into
 * PostgreSQL through the intake's own storing code (no SMTP), then does what a node does when
 * its index is missing: {@link NodeSearchIndex#openOrRebuild} queues every mailbox entry, and
 * {@link SearchIndexer#drainAll} decrypts, renders and indexes them batch by batch, printing
 * its progress lines. Not a test: {@code ./sealpost bench rebuild} (or {@code mvn -Pbench-rebuild
 * verify} in portal-ejb). The database is a new one on the test server ({@link TestDatabase}:
 * {@code SEALPOST_TEST_DB_URL}, else an embedded PostgreSQL), dropped at the end.
 */
public final class RebuildBenchmark {

    private static final byte[] INDEX_KEY = "rebuild benchmark index key 32b!".getBytes(StandardCharsets.US_ASCII);
    private static final int SEED_BATCH = 1_000;
    private static final int VOCABULARY = 50_000;

    private RebuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 100_000);
        int accounts = Integer.getInteger("bench.accounts", 10_000);
        Path dir = Files.createTempDirectory("sealpost-bench-rebuild");
        System.out.printf(
                Locale.ROOT,
                "Rebuild benchmark: %,d messages over %,d accounts; %d cores, Java %s,"
                        + " max heap %,d MB; load average %s%n",
                messages,
                accounts,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20,
                loadAverage());

        DataSource db = onePooledConnection(
                TestDatabase.server().createDatabase("rebuildbench").dataSource());
        SchemaMigrations.migrate(db);
        MessageSealer sealer =
                new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "bench".toCharArray()));

        long start = System.nanoTime();
        long bytes = seed(db, sealer, messages, accounts);
        double seedSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Seeded %,d sealed messages (%,d MB of MIME) in %.1f s, %,.0f/s; load average %s%n",
                messages,
                bytes >> 20,
                seedSeconds,
                messages / seedSeconds,
                loadAverage());

        Path indexDir = dir.resolve("search");
        start = System.nanoTime();
        NodeSearchIndex.Opened opened = NodeSearchIndex.openOrRebuild(indexDir, INDEX_KEY, db, "rebuild-bench");
        MessageIndex index = opened.index();
        long queued;
        try (Connection c = db.getConnection()) {
            queued = SearchIndexer.waiting(c, opened.id());
        }
        double queueSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT, "Registered a new index to rebuild %,d entries in %.1f s%n", queued, queueSeconds);
        long indexed;
        try {
            indexed = SearchIndexer.drainAll(
                    new QueueDrain(db, index, sealer, opened.id(), "rebuild-bench"), () -> queued, System.out::println);
        } finally {
            index.close();
        }
        double rebuildSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Full rebuild (queue, decrypt, render, index, commit per batch of %d): %,d entries"
                        + " in %.1f s, %,.0f entries/s; index on disk %.1f MB; load average %s%n",
                QueueDrain.BATCH,
                indexed,
                rebuildSeconds,
                indexed / rebuildSeconds,
                sizeOf(indexDir) / 1e6,
                loadAverage());
        deleteRecursively(dir);
    }

    /** Stores the messages as the intake does (content, account, inbox entry), a transaction per batch. */
    private static long seed(DataSource db, MessageSealer sealer, int messages, int accounts) throws Exception {
        Mail mail = new Mail(new Random(42));
        MimeMetadataExtractor extractor = new MimeMetadataExtractor();
        Instant first = Instant.parse("2025-01-01T00:00:00Z");
        long bytes = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (int n = 0; n < messages; n++) {
                EmailAddress to = EmailAddress.of("account-" + (n % accounts) + "@bench.example");
                byte[] mime = mail.mime(to.value());
                bytes += mime.length;
                UUID id = UUID.randomUUID();
                MimeReading.Readable reading = (MimeReading.Readable) extractor.extract(mime);
                SealedMessage sealed = sealer.seal(id, mime, reading.metadata().encode());
                Instant at = first.plusSeconds(30L * n);
                IntakeStore.storeContent(c, id, sealed, mime.length, at);
                IntakeStore.deliverInPortal(c, id, List.of(to), at);
                if ((n + 1) % SEED_BATCH == 0 || n + 1 == messages) {
                    c.commit();
                }
                if ((n + 1) % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "  seeded %,d%n", n + 1);
                }
            }
        }
        return bytes;
    }

    /** Synthetic mail: a Zipfian vocabulary (exponent 1.07) of pronounceable words, ~2 KB bodies. */
    private static final class Mail {
        private static final String[] ONSETS = {
            "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "dr", "fl",
            "gr", "pl", "sh", "st", "th", "tr"
        };
        private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
        private final Random random;
        private final String[] words;
        private final double[] cumulative = new double[VOCABULARY];

        Mail(Random random) {
            this.random = random;
            Set<String> vocabulary = new LinkedHashSet<>();
            while (vocabulary.size() < VOCABULARY) {
                StringBuilder w = new StringBuilder();
                for (int s = random.nextInt(4); s >= 0; s--) {
                    w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
                }
                vocabulary.add(w.toString());
            }
            words = vocabulary.stream()
                    .sorted(Comparator.comparingInt(String::length))
                    .toArray(String[]::new);
            double sum = 0;
            for (int rank = 0; rank < VOCABULARY; rank++) {
                sum += 1.0 / Math.pow(rank + 1, 1.07);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < VOCABULARY; rank++) {
                cumulative[rank] /= sum;
            }
        }

        byte[] mime(String to) {
            StringBuilder body = new StringBuilder(2_100);
            while (body.length() < 2_000) {
                for (int i = 5 + random.nextInt(15); i > 0; i--) {
                    body.append(word()).append(i == 1 ? ".\r\n" : " ");
                }
            }
            return ("From: " + word() + " <" + word() + "@sender.example>\r\nTo: <" + to + ">\r\nSubject: "
                            + word() + " " + word() + " " + word() + "\r\nMIME-Version: 1.0\r\n"
                            + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8);
        }

        private String word() {
            int rank = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[rank >= 0 ? rank : Math.min(-rank - 1, VOCABULARY - 1)];
        }
    }

    /** One connection handed out again and again, as the server's pool would: close() keeps it open. */
    private static DataSource onePooledConnection(DataSource real) throws SQLException {
        Connection shared = real.getConnection();
        Connection unclosable = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!shared.getAutoCommit()) {
                            shared.rollback();
                            shared.setAutoCommit(true);
                        }
                        return null;
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
