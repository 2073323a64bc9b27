package org.sealpost.portal.message;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.operator.StandalonePersistence;
import org.sealpost.testsupport.TestDatabase;

/**
 * The statements {@link StoredMessages} keeps in JDBC, each timed beside its JPA (EclipseLink)
 * alternative in one run on one database, alternating rounds so both see the same machine:
 * <ol>
 * <li>the intake's insert of a sealed message (~10 KB) in its own transaction: JDBC
 * {@code INSERT} vs {@code em.persist(MessageContent)} and commit;
 * <li>the folder page, 25 lines with their metadata: the JDBC join vs a JPQL constructor
 * projection of the same columns (an entity query would load every MIME ciphertext: no lazy
 * basic attributes without weaving);
 * <li>the index rebuild's page of 500 entry keys by id: JDBC vs JPQL.
 * </ol>
 * Not a test (never a timed assertion): {@code mvn -Pbench-owner -pl portal-ejb -am verify}. The
 * database is a new one on the test server ({@link TestDatabase}), dropped when the JVM exits.
 */
public final class OwnerStyleBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    private static final int PER_ROUND = Integer.getInteger("bench.perRound", 200);

    private OwnerStyleBenchmark() {}

    /** The JPA side of the folder page: the columns the JDBC statement reads. */
    public record PageRow(
            long entryId,
            Folder folder,
            java.time.OffsetDateTime receivedAt,
            boolean read,
            long sizeBytes,
            UUID contentId,
            int kekVersion,
            byte[] wrappedKey,
            byte[] metadataCiphertext) {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sealpost-bench-owner");
        TestDatabase.Database db = TestDatabase.server().createDatabase("benchowner");
        DataSource ds = db.dataSource();
        SchemaMigrations.migrate(ds);
        MessageSealer sealer =
                new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
        EntityManagerFactory emf = StandalonePersistence.open(db.jdbcUrl(), db.user(), db.password());
        byte[] mime = sample();
        MimeReading.Readable reading = (MimeReading.Readable) new MimeMetadataExtractor().extract(mime);
        byte[] metadata = reading.metadata().encode();
        long account;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO account (email, role, state) VALUES ('bench@client.example', 'RECIPIENT', 'ACTIVE')"
                                    + " RETURNING id");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                account = rs.getLong(1);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Owner style benchmark: %d rounds x %d operations per style; %d cores, Java %s; load average %s%n",
                ROUNDS,
                PER_ROUND,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Files.readString(Path.of("/proc/loadavg")).strip());

        List<Long> insertJdbc = new ArrayList<>(), insertJpa = new ArrayList<>();
        List<Long> pageJdbc = new ArrayList<>(), pageJpa = new ArrayList<>();
        List<Long> keysJdbc = new ArrayList<>(), keysJpa = new ArrayList<>();
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms both up
            boolean measured = round >= 0;
            // 1. the insert, each in its own transaction, as the intake commits each message
            long t = System.nanoTime();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                for (int i = 0; i < PER_ROUND; i++) {
                    UUID id = UUID.randomUUID();
                    StoredMessages.storeContent(c, id, sealer.seal(id, mime, metadata), mime.length, Instant.now());
                    StoredMessages.deliverToInboxes(c, id, List.of(account), Instant.now());
                    c.commit();
                }
            }
            record(measured, insertJdbc, t);
            t = System.nanoTime();
            EntityManager em = emf.createEntityManager();
            try {
                for (int i = 0; i < PER_ROUND; i++) {
                    UUID id = UUID.randomUUID();
                    SealedMessage sealed = sealer.seal(id, mime, metadata);
                    em.getTransaction().begin();
                    em.persist(new MessageContent(id, sealed, mime.length, Instant.now()));
                    em.flush();
                    StoredMessages.deliverToInboxes(em.unwrap(Connection.class), id, List.of(account), Instant.now());
                    em.getTransaction().commit();
                    em.clear();
                }
            } finally {
                em.close();
            }
            record(measured, insertJpa, t);

            // 2. the folder page with its metadata opened
            t = System.nanoTime();
            try (Connection c = ds.getConnection()) {
                for (int i = 0; i < PER_ROUND; i++) {
                    StoredMessages.folderPage(c, sealer, account, Folder.INBOX, (i % 10) * 25, 25);
                }
            }
            record(measured, pageJdbc, t);
            t = System.nanoTime();
            em = emf.createEntityManager();
            try {
                for (int i = 0; i < PER_ROUND; i++) {
                    for (PageRow row : em.createQuery("""
                                    SELECT NEW org.sealpost.portal.message.OwnerStyleBenchmark.PageRow(e.id, e.folder,
                                        e.receivedAt, e.read, m.sizeBytes, m.id, m.kekVersion, m.wrappedKey,
                                        m.metadataCiphertext)
                                    FROM MailboxEntry e, MessageContent m WHERE m.id = e.contentId
                                    AND e.accountId = :account AND e.folder = :folder
                                    ORDER BY e.receivedAt DESC, e.id DESC""", PageRow.class)
                            .setParameter("account", account)
                            .setParameter("folder", Folder.INBOX)
                            .setFirstResult((i % 10) * 25)
                            .setMaxResults(25)
                            .getResultList()) {
                        new MessageContent(
                                        row.contentId(),
                                        new SealedMessage(
                                                row.kekVersion(),
                                                row.wrappedKey(),
                                                new byte[0],
                                                row.metadataCiphertext()),
                                        row.sizeBytes(),
                                        row.receivedAt().toInstant())
                                .openMetadata(sealer);
                    }
                    em.clear();
                }
            } finally {
                em.close();
            }
            record(measured, pageJpa, t);

            // 3. the rebuild's paging by id
            t = System.nanoTime();
            try (Connection c = ds.getConnection()) {
                for (int i = 0; i < PER_ROUND; i++) {
                    StoredMessages.keysAfter(c, i * 7L, 500);
                }
            }
            record(measured, keysJdbc, t);
            t = System.nanoTime();
            em = emf.createEntityManager();
            try {
                for (int i = 0; i < PER_ROUND; i++) {
                    em.createQuery(
                                    "SELECT e.accountId, e.id FROM MailboxEntry e WHERE e.id > :after ORDER BY e.id",
                                    Object[].class)
                            .setParameter("after", i * 7L)
                            .setMaxResults(500)
                            .getResultList();
                }
            } finally {
                em.close();
            }
            record(measured, keysJpa, t);
        }
        report("insert a sealed message + its inbox entry, one transaction each", insertJdbc, insertJpa);
        report("folder page, 25 lines, metadata opened", pageJdbc, pageJpa);
        report("rebuild page, 500 entry keys by id", keysJdbc, keysJpa);
        emf.close(); // the database is dropped when the JVM exits (TestDatabase)
    }

    private static void record(boolean measured, List<Long> into, long startedNanos) {
        if (measured) {
            into.add((System.nanoTime() - startedNanos) / PER_ROUND);
        }
    }

    private static void report(String what, List<Long> jdbc, List<Long> jpa) {
        long j = median(jdbc);
        long p = median(jpa);
        System.out.printf(
                Locale.ROOT,
                "%-66s JDBC %8.1f µs/op   JPA %8.1f µs/op   JPA/JDBC %.2f   (medians of %d rounds)%n",
                what,
                j / 1e3,
                p / 1e3,
                (double) p / j,
                jdbc.size());
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** ~10 KB of plain text: the size the intake benchmark sends. */
    private static byte[] sample() {
        StringBuilder body = new StringBuilder();
        while (body.length() < 10_000) {
            body.append("Dear customer, your statement for the quarter is ready in the portal. ");
        }
        return ("From: Advisor <advisor@bank.example>\r\nTo: bench@client.example\r\nSubject: Statement\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
