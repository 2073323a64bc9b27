package org.sealpost.portal.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.operator.StandalonePersistence;
import org.sealpost.search.MessageIndex;
import org.sealpost.testsupport.TestDatabase;

/**
 * Times a node's full search index rebuild from the database: seeds {@code bench.messages}
 * sealed ~2 KB messages (Zipfian words) for {@code bench.accounts} accounts straight into
 * PostgreSQL with COPY (no SMTP, see {@link #seed}), then does what a node does when
 * its index is missing: {@link NodeSearchIndex#openOrRebuild} queues every mailbox entry, and
 * {@link SearchIndexer#drainAll} decrypts, renders and indexes them batch by batch, printing
 * its progress lines. Not a test: {@code ./sealpost bench rebuild} (or {@code mvn -Pbench-rebuild
 * verify} in portal-ejb). The database is a new one on the test server ({@link TestDatabase}:
 * {@code SEALPOST_TEST_DB_URL}, else an embedded PostgreSQL), dropped at the end.
 */
public final class RebuildBenchmark {

    private static final byte[] INDEX_KEY = "rebuild benchmark index key 32b!".getBytes(StandardCharsets.US_ASCII);
    /** Messages one sealing task generates and seals: a few MB of COPY rows. */
    private static final int SEED_CHUNK = 1_000;

    private static final Instant FIRST_ARRIVAL = Instant.parse("2025-01-01T00:00:00Z");
    private static final HexFormat HEX = HexFormat.of();
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

        TestDatabase.Database database = TestDatabase.server().createDatabase("rebuildbench");
        DataSource db = onePooledConnection(database.dataSource());
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
        EntityManagerFactory emf = StandalonePersistence.open(database.jdbcUrl(), database.user(), database.password());
        // What is waiting, counted as the node counts it (SearchIndexer). drainAll asks after its
        // first pass: the count taken before it, as this benchmark once passed, made the progress
        // lines say "of 1,001,000" for a million entries, one batch too many.
        SearchIndexer.Backlog waiting = () -> {
            try (Connection c = db.getConnection()) {
                return SearchIndexer.waiting(c, emf, opened.id());
            }
        };
        long indexed;
        try {
            long queued = waiting.count();
            double queueSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT, "Registered a new index to rebuild %,d entries in %.1f s%n", queued, queueSeconds);
            indexed = SearchIndexer.drainAll(
                    new QueueDrain(db, index, sealer, opened.id(), "rebuild-bench"), waiting, System.out::println);
        } finally {
            index.close();
            emf.close();
        }
        double rebuildSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Full rebuild (queue, decrypt, render, index, commit per batch of %d): %,d entries"
                        + " in %.1f s, %,.0f entries/s; index on disk %.1f MB; load average %s%n",
                QueueDrain.REBUILD_BATCH,
                indexed,
                rebuildSeconds,
                indexed / rebuildSeconds,
                sizeOf(indexDir) / 1e6,
                loadAverage());
        deleteRecursively(dir);
    }

    /**
     * Seeds the corpus with PostgreSQL's COPY (pgjdbc's {@link CopyManager}), as a restore would
     * load it, not the intake's row-by-row inserts: those ran at tens of messages a second here,
     * which made a million an afternoon's seeding. The messages are still real: generated MIME,
     * its metadata extracted by the intake's own extractor, sealed by the real {@link
     * MessageSealer}, in parallel on every core; one thread streams the rows into COPY. Message
     * ids are derived from the message number, so the mailbox entries (one per message, in the
     * inbox of account {@code n % accounts}) are a second COPY that needs nothing kept from the
     * first. Notifications are left out: the rebuild never reads them.
     */
    private static long seed(DataSource db, MessageSealer sealer, int messages, int accounts) throws Exception {
        Vocabulary vocabulary = new Vocabulary(new Random(42));
        MimeMetadataExtractor extractor = new MimeMetadataExtractor();
        long bytes = 0;
        try (Connection c = db.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long[] accountIds = copyAccounts(c, copy, accounts);
            int threads = Runtime.getRuntime().availableProcessors();
            ExecutorService sealers = Executors.newFixedThreadPool(threads);
            try {
                int chunks = (messages + SEED_CHUNK - 1) / SEED_CHUNK;
                ArrayDeque<Future<SealedChunk>> ahead = new ArrayDeque<>();
                int submitted = 0;
                int seeded = 0;
                CopyIn contents = copy.copyIn("COPY message_content (id, kek_version, wrapped_key,"
                        + " metadata_ciphertext, mime_ciphertext, size_bytes, received_at) FROM STDIN");
                try (OutputStream out = new BufferedOutputStream(new PGCopyOutputStream(contents), 1 << 20)) {
                    while (seeded < messages) {
                        while (submitted < chunks && ahead.size() < 2 * threads) {
                            int chunk = submitted++;
                            int from = chunk * SEED_CHUNK;
                            int to = Math.min(messages, from + SEED_CHUNK);
                            ahead.add(
                                    sealers.submit(() -> sealChunk(vocabulary, extractor, sealer, from, to, accounts)));
                        }
                        SealedChunk sealed = ahead.removeFirst().get();
                        out.write(sealed.copyRows());
                        bytes += sealed.mimeBytes();
                        int before = seeded;
                        seeded += sealed.messages();
                        if (seeded / 100_000 > before / 100_000 || seeded == messages) {
                            System.out.printf(Locale.ROOT, "  seeded %,d messages%n", seeded);
                        }
                    }
                }
            } finally {
                sealers.shutdownNow();
            }
            CopyIn entries =
                    copy.copyIn("COPY mailbox_entry (account_id, content_id, folder, is_read, received_at) FROM STDIN");
            try (Writer out = new OutputStreamWriter(
                    new BufferedOutputStream(new PGCopyOutputStream(entries), 1 << 20), StandardCharsets.UTF_8)) {
                for (int n = 0; n < messages; n++) {
                    out.write(accountIds[n % accounts] + "\t" + messageId(n) + "\tINBOX\tf\t" + receivedAt(n) + "\n");
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE account, message_content, mailbox_entry");
            }
        }
        return bytes;
    }

    /** The accounts, PENDING recipients as the intake creates them; their ids by account number. */
    private static long[] copyAccounts(Connection c, CopyManager copy, int accounts) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int a = 0; a < accounts; a++) {
            rows.append(address(a)).append("\tRECIPIENT\tPENDING\n");
        }
        copy.copyIn("COPY account (email, role, state) FROM STDIN", new StringReader(rows.toString()));
        long[] ids = new long[accounts];
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, email FROM account WHERE email LIKE 'account-%'")) {
            while (rs.next()) {
                String email = rs.getString(2);
                ids[Integer.parseInt(email.substring("account-".length(), email.indexOf('@')))] = rs.getLong(1);
            }
        }
        return ids;
    }

    /** COPY text rows of messages [from, to): each generated, its metadata extracted, sealed. */
    private static SealedChunk sealChunk(
            Vocabulary vocabulary,
            MimeMetadataExtractor extractor,
            MessageSealer sealer,
            int from,
            int to,
            int accounts) {
        Random random = new Random(42L * 1_000_003 + from);
        StringBuilder rows = new StringBuilder((to - from) * 4_700);
        long mimeBytes = 0;
        for (int n = from; n < to; n++) {
            byte[] mime = vocabulary.mime(random, address(n % accounts));
            mimeBytes += mime.length;
            UUID id = messageId(n);
            MimeReading.Readable reading = (MimeReading.Readable) extractor.extract(mime);
            SealedMessage sealed = sealer.seal(id, mime, reading.metadata().encode());
            rows.append(id).append('\t').append(sealed.kekVersion());
            bytea(rows, sealed.wrappedKey());
            bytea(rows, sealed.metadataCiphertext());
            bytea(rows, sealed.mimeCiphertext());
            rows.append('\t')
                    .append(mime.length)
                    .append('\t')
                    .append(receivedAt(n))
                    .append('\n');
        }
        return new SealedChunk(to - from, mimeBytes, rows.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private record SealedChunk(int messages, long mimeBytes, byte[] copyRows) {}

    /** A bytea column in COPY's text format: hex, its backslash escaped for COPY. */
    private static void bytea(StringBuilder rows, byte[] value) {
        rows.append("\t\\\\x").append(HEX.formatHex(value));
    }

    /** A random-looking (version 4 layout) id that the entries' COPY can compute again. */
    private static UUID messageId(int n) {
        return new UUID(0x5ea1_9057_0000_4000L, 0x8000_0000_0000_0000L | n);
    }

    private static Instant receivedAt(int n) {
        return FIRST_ARRIVAL.plusSeconds(30L * n);
    }

    private static String address(int account) {
        return "account-" + account + "@bench.example";
    }

    /**
     * Synthetic mail: a Zipfian vocabulary (exponent 1.07) of pronounceable words, ~2 KB bodies.
     * Immutable once built, so the sealing threads share it, each with its own {@link Random}.
     */
    private static final class Vocabulary {
        private static final String[] ONSETS = {
            "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "dr", "fl",
            "gr", "pl", "sh", "st", "th", "tr"
        };
        private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
        private final String[] words;
        private final double[] cumulative = new double[VOCABULARY];

        Vocabulary(Random random) {
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

        byte[] mime(Random random, String to) {
            StringBuilder body = new StringBuilder(2_100);
            while (body.length() < 2_000) {
                for (int i = 5 + random.nextInt(15); i > 0; i--) {
                    body.append(word(random)).append(i == 1 ? ".\r\n" : " ");
                }
            }
            return ("From: " + word(random) + " <" + word(random) + "@sender.example>\r\nTo: <" + to + ">\r\nSubject: "
                            + word(random) + " " + word(random) + " " + word(random) + "\r\nMIME-Version: 1.0\r\n"
                            + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8);
        }

        private String word(Random random) {
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
