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
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.audit.AuditEvent;
import org.sealpost.portal.audit.AuditFilter;
import org.sealpost.portal.audit.AuditTrail;
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
 * <li>the index rebuild's page of 500 entry keys by id: JDBC vs JPQL;
 * <li>one family per remaining kind of statement in the owner (issue 10): a folder count, an
 * entry found by (id, account), one message's sealed metadata opened, a whole sealed message
 * read by id (the MIME too), the newest 50 messages' sealed metadata (a small join projection),
 * the audit page (50 events of one account, a page of entities), one row updated by key in a
 * transaction of its own (the tokens' and draft files' updates, issue
 * 10's last "Left" kind), and, outside the message owner, one account's mail profile (a by-id
 * projection).
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

    /** One operation of a family, the {@code i}th of its round. */
    private interface JdbcOp {
        void run(Connection c, int i) throws Exception;
    }

    private interface JpaOp {
        void run(EntityManager em, int i) throws Exception;
    }

    /** A statement timed both ways, the JPA side on one entity manager per round, cleared after each operation. */
    private record Family(String what, JdbcOp jdbc, JpaOp jpa, List<Long> jdbcTimes, List<Long> jpaTimes) {
        Family(String what, JdbcOp jdbc, JpaOp jpa) {
            this(what, jdbc, jpa, new ArrayList<>(), new ArrayList<>());
        }

        void round(boolean measured, DataSource ds, EntityManagerFactory emf) throws Exception {
            long t = System.nanoTime();
            try (Connection c = ds.getConnection()) {
                for (int i = 0; i < PER_ROUND; i++) {
                    jdbc.run(c, i);
                }
            }
            record(measured, jdbcTimes, t);
            t = System.nanoTime();
            EntityManager em = emf.createEntityManager();
            try {
                for (int i = 0; i < PER_ROUND; i++) {
                    jpa.run(em, i);
                    em.clear();
                }
            } finally {
                em.close();
            }
            record(measured, jpaTimes, t);
        }
    }

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
        // The audit page's rows: 2,000 events, half of them the bench account's (seeded in SQL,
        // as a test seeds rows, whatever the trail's recording API).
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, client_address,
                            detail)
                        SELECT timestamptz '2026-12-01 10:00:00+00' + n * interval '1 second',
                               CASE WHEN n % 2 = 0 THEN 'bench@client.example' ELSE 'other@client.example' END,
                               'SIGNED_IN', 'account', CASE WHEN n % 2 = 0 THEN ? ELSE '0' END, '192.0.2.1',
                               'event ' || n
                        FROM generate_series(0, 1999) AS n""")) {
            ps.setString(1, Long.toString(account));
            ps.executeUpdate();
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
        List<StoredMessages.EntryKey> entries = new ArrayList<>();
        List<UUID> contents = new ArrayList<>();
        List<Family> families = families(sealer, account, entries, contents);
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms both up
            boolean measured = round >= 0;
            // 1. the insert, each in its own transaction, as the intake commits each message
            long t = System.nanoTime();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                for (int i = 0; i < PER_ROUND; i++) {
                    UUID id = UUID.randomUUID();
                    StoredMessages.storeContent(c, id, sealer.seal(id, mime, metadata), mime.length, Instant.now());
                    entries.addAll(StoredMessages.deliverToInboxes(c, id, List.of(account), Instant.now()));
                    contents.add(id);
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

            for (Family f : families) {
                f.round(measured, ds, emf);
            }
        }
        report("insert a sealed message + its inbox entry, one transaction each", insertJdbc, insertJpa);
        report("folder page, 25 lines, metadata opened", pageJdbc, pageJpa);
        report("rebuild page, 500 entry keys by id", keysJdbc, keysJpa);
        for (Family f : families) {
            report(f.what(), f.jdbcTimes(), f.jpaTimes());
        }
        System.out.printf(
                Locale.ROOT,
                "load average at the end %s%n",
                Files.readString(Path.of("/proc/loadavg")).strip());
        emf.close(); // the database is dropped when the JVM exits (TestDatabase)
    }

    /**
     * The remaining statement kinds, each JDBC as the owner runs it beside the JPA form it would
     * take; the operations pick rows stored by the insert family (entries and contents of every
     * round so far).
     */
    private static List<Family> families(
            MessageSealer sealer, long account, List<StoredMessages.EntryKey> entries, List<UUID> contents) {
        return List.of(
                new Family(
                        "folder count (count, unreadInInbox, countAfter)",
                        (c, i) -> {
                            // the statement StoredMessages ran before the count became JPQL
                            try (PreparedStatement ps = c.prepareStatement(
                                    "SELECT count(*) FROM mailbox_entry WHERE account_id = ? AND folder = ?")) {
                                ps.setLong(1, account);
                                ps.setString(2, Folder.INBOX.name());
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                }
                            }
                        },
                        (em, i) -> StoredMessages.count(em, account, Folder.INBOX)),
                new Family(
                        "entry by (id, account) (find, indexed)",
                        (c, i) -> StoredMessages.find(c, pick(entries, i).entryId(), account)
                                .orElseThrow(),
                        (em, i) -> StoredMessages.entry(em, pick(entries, i).entryId(), account)
                                .orElseThrow()),
                new Family(
                        "one message's sealed metadata opened (openMetadata)",
                        (c, i) -> {
                            // the statement StoredMessages ran before it became JPQL
                            UUID id = pick(contents, i);
                            try (PreparedStatement ps = c.prepareStatement("""
                                    SELECT kek_version, wrapped_key, metadata_ciphertext, size_bytes, received_at
                                    FROM message_content WHERE id = ?""")) {
                                ps.setObject(1, id);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    new MessageContent(
                                                    id,
                                                    new SealedMessage(
                                                            rs.getInt(1), rs.getBytes(2), new byte[0], rs.getBytes(3)),
                                                    rs.getLong(4),
                                                    rs.getTimestamp(5).toInstant())
                                            .openMetadata(sealer);
                                }
                            }
                        },
                        (em, i) -> StoredMessages.openMetadata(em, sealer, pick(contents, i))
                                .orElseThrow()),
                new Family(
                        "one sealed message read whole, MIME too (open, openMime, sealed)",
                        (c, i) -> StoredMessages.sealed(c, pick(contents, i)).orElseThrow(),
                        (em, i) ->
                                em.find(MessageContent.class, pick(contents, i)).sealed()),
                new Family(
                        "newest 50 messages' sealed metadata (recentMetadata)",
                        (c, i) -> {
                            // the statement StoredMessages ran before it became JPQL
                            try (PreparedStatement ps = c.prepareStatement("""
                                    SELECT m.id, m.kek_version, m.wrapped_key, m.metadata_ciphertext
                                    FROM mailbox_entry e JOIN message_content m ON m.id = e.content_id
                                    WHERE e.account_id = ? ORDER BY e.received_at DESC, e.id DESC LIMIT 50""")) {
                                ps.setLong(1, account);
                                try (ResultSet rs = ps.executeQuery()) {
                                    while (rs.next()) {
                                        new SealedMessage(rs.getInt(2), rs.getBytes(3), new byte[0], rs.getBytes(4));
                                    }
                                }
                            }
                        },
                        (em, i) -> StoredMessages.recentMetadata(em, account, 50)),
                new Family(
                        "one row updated by key, a transaction each (spend, revokeAll, recordSize)",
                        (c, i) -> {
                            // the kind of UPDATE the tokens' and draft files' owners ran in SQL
                            c.setAutoCommit(false);
                            try (PreparedStatement ps = c.prepareStatement(
                                    "UPDATE mailbox_entry SET is_read = ? WHERE id = ? AND account_id = ?")) {
                                ps.setBoolean(1, i % 2 == 0);
                                ps.setLong(2, pick(entries, i).entryId());
                                ps.setLong(3, account);
                                ps.executeUpdate();
                            }
                            c.commit();
                        },
                        (em, i) -> {
                            em.getTransaction().begin();
                            em.createQuery(
                                            "UPDATE MailboxEntry e SET e.read = :read WHERE e.id = :id AND e.accountId = :account")
                                    .setParameter("read", i % 2 == 0)
                                    .setParameter("id", pick(entries, i).entryId())
                                    .setParameter("account", account)
                                    .executeUpdate();
                            em.getTransaction().commit();
                        }),
                new Family(
                        "audit page, 50 events of one account (AuditTrail.page)",
                        (c, i) -> AuditTrail.page(
                                c,
                                new AuditFilter("bench@client.example", account, null, null, null),
                                (i % 10) * 50,
                                50),
                        (em, i) -> em.createQuery("""
                                        SELECT e FROM AuditEvent e
                                        WHERE e.actor = :actor OR (e.targetType = 'account' AND e.targetId = :account)
                                        ORDER BY e.occurredAt DESC, e.id DESC""", AuditEvent.class)
                                .setParameter("actor", "bench@client.example")
                                .setParameter("account", Long.toString(account))
                                .setFirstResult((i % 10) * 50)
                                .setMaxResults(50)
                                .getResultList()),
                new Family(
                        "an account's mail profile by id (AccountDirectory.mailProfile)",
                        (c, i) -> AccountDirectory.mailProfile(c, account),
                        (em, i) -> em.createQuery(
                                        "SELECT a.state, a.role, a.language FROM Account a WHERE a.id = :id",
                                        Object[].class)
                                .setParameter("id", account)
                                .getSingleResult()));
    }

    /** Spread over the stored rows, so the reads are not all of one cached row. */
    private static <T> T pick(List<T> rows, int i) {
        return rows.get((int) ((i * 7919L) % rows.size()));
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
