package org.sealpost.portal.audit;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sealpost.portal.PortalJpa;

/**
 * Not a test: what the audit trail's plain-JDBC/native statements would cost through JPA,
 * side by side in one run on one database (ADR 0003's figures). Three questions:
 * <ol>
 * <li>recording one event in its own transaction: the native INSERT kept in {@link AuditTrail}
 * against {@code em.persist} of the entity (identity key, flushed at commit);</li>
 * <li>linking N events (ADR 0014): {@link AuditChainLinker}'s JDBC batch against entities read by
 * JPQL and one JPQL UPDATE per link;</li>
 * <li>verifying N linked events: {@link AuditChainVerifier}'s JDBC walk against a JPQL walk
 * that clears the persistence context after each page.</li>
 * </ol>
 * Needs the test database ({@code SEALPOST_TEST_DB_URL} etc., see test-support TestDatabase).
 * Run from the repository root after {@code mvn -pl portal-ejb -am test-compile
 * dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}:
 * {@code java -cp portal-ejb/target/classes:portal-ejb/target/test-classes:$(cat portal-ejb/cp.txt)
 * org.sealpost.portal.audit.AuditJpaCost}; prints one line per variant (SessionCheckCost alike).
 */
public final class AuditJpaCost {

    private static final int RECORDS = 2_000;
    private static final int CHAIN = 20_000;
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        try (PortalJpa db = PortalJpa.create("audit_jpa_cost")) {
            // warm both paths (EclipseLink's query parsing, the JIT)
            recordNative(db, 300);
            recordJpa(db, 300);
            long[] nativeRecord = new long[ROUNDS];
            long[] jpaRecord = new long[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                nativeRecord[r] = recordNative(db, RECORDS);
                jpaRecord[r] = recordJpa(db, RECORDS);
            }
            print("record, native INSERT (kept)", nativeRecord, RECORDS, "event");
            print("record, em.persist (JPA)", jpaRecord, RECORDS, "event");

            sql(db, "TRUNCATE audit_event RESTART IDENTITY");
            db.inTransaction(em -> {
                AuditTrail trail = AuditTrail.on(em);
                for (int i = 0; i < CHAIN; i++) {
                    trail.record(
                            "anna@client.example",
                            AuditAction.SIGNED_IN,
                            "account",
                            Integer.toString(i % 50),
                            "192.0.2." + (i % 250),
                            "event " + i,
                            Instant.now());
                }
                return null;
            });
            long[] jdbcLink = new long[ROUNDS];
            long[] jpaLink = new long[ROUNDS];
            long[] jdbcVerify = new long[ROUNDS];
            long[] jpaVerify = new long[ROUNDS];
            long mismatches = 0;
            for (int r = 0; r < ROUNDS; r++) {
                unlinkAll(db);
                long t0 = System.nanoTime();
                db.inTransaction(em -> AuditChainLinker.linkAll(PortalJpa.connectionOf(em), Instant.now()));
                jdbcLink[r] = System.nanoTime() - t0;

                t0 = System.nanoTime();
                ChainVerdict verdict = db.inTransaction(em -> AuditChainVerifier.verify(em));
                jdbcVerify[r] = System.nanoTime() - t0;
                if (!verdict.intact()) {
                    throw new IllegalStateException(verdict.describe());
                }

                t0 = System.nanoTime();
                long[] jpaMismatches = db.inTransaction(AuditJpaCost::verifyJpa);
                jpaVerify[r] = System.nanoTime() - t0;
                mismatches += jpaMismatches[0];

                unlinkAll(db);
                t0 = System.nanoTime();
                db.inTransaction(AuditJpaCost::linkAllJpa);
                jpaLink[r] = System.nanoTime() - t0;
            }
            print("link, JDBC batch (kept)", jdbcLink, CHAIN, "event");
            print("link, JPQL read + JPQL UPDATE per link", jpaLink, CHAIN, "event");
            print("verify, JDBC walk (kept)", jdbcVerify, CHAIN, "event");
            print("verify, JPQL walk, cleared per page", jpaVerify, CHAIN, "event");
            System.out.println(
                    "hashes recomputed from JPA-read entities that differ from the stored ones: " + mismatches);
        }
    }

    private static long recordNative(PortalJpa db, int n) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int k = i;
            db.inTransaction(em -> {
                AuditTrail trail = AuditTrail.on(em);
                trail.record(
                        "anna@client.example",
                        AuditAction.SIGNED_IN,
                        "account",
                        "7",
                        "192.0.2.7",
                        "n" + k,
                        Instant.now());
                return null;
            });
        }
        return System.nanoTime() - t0;
    }

    private static long recordJpa(PortalJpa db, int n) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int k = i;
            db.inTransaction(em -> {
                em.persist(AuditEvent.recorded(
                        new AuditDeed("anna@client.example", AuditAction.SIGNED_IN, "account", "7", "192.0.2.7"),
                        "j" + k,
                        Instant.now()));
                return null;
            });
        }
        return System.nanoTime() - t0;
    }

    /** The JPA alternative to AuditChainLinker: entities by JPQL, one JPQL UPDATE per link. */
    private static long linkAllJpa(EntityManager em) throws Exception {
        Connection c = PortalJpa.connectionOf(em);
        long total = 0;
        while (true) {
            AuditChainHead.Head head = AuditChainHead.lockForLinking(c).orElseThrow();
            List<AuditEvent> events = em.createQuery(
                            "SELECT e FROM AuditEvent e WHERE e.chainSeq IS NULL ORDER BY e.id", AuditEvent.class)
                    .setMaxResults(AuditChainLinker.BATCH)
                    .getResultList();
            if (events.isEmpty()) {
                return total;
            }
            long seq = head.lastSeq();
            byte[] previous = head.lastHash();
            for (AuditEvent event : events) {
                seq++;
                previous = AuditChainHash.hash(event, seq, previous);
                em.createQuery("UPDATE AuditEvent e SET e.chainSeq = :seq, e.chainHash = :hash"
                                + " WHERE e.id = :id AND e.chainSeq IS NULL")
                        .setParameter("seq", seq)
                        .setParameter("hash", previous)
                        .setParameter("id", event.id())
                        .executeUpdate();
            }
            AuditChainHead.advance(c, seq, previous, Instant.now());
            em.clear();
            total += events.size();
        }
    }

    /** The JPA alternative to AuditChainVerifier's walk: pages of entities, hashes recomputed. */
    private static long[] verifyJpa(EntityManager em) throws Exception {
        AuditChainHead.lockForCheck(PortalJpa.connectionOf(em));
        byte[] previous = AuditChainHash.genesis();
        long afterSeq = 0;
        long mismatches = 0;
        while (true) {
            List<AuditEvent> page = em.createQuery(
                            "SELECT e FROM AuditEvent e WHERE e.chainSeq > :seq ORDER BY e.chainSeq", AuditEvent.class)
                    .setParameter("seq", afterSeq)
                    .setMaxResults(AuditChainVerifier.BATCH)
                    .getResultList();
            for (AuditEvent event : page) {
                byte[] expected = AuditChainHash.hash(event, event.chainSeq(), previous);
                if (!Arrays.equals(expected, event.chainHash())) {
                    mismatches++;
                }
                previous = event.chainHash();
                afterSeq = event.chainSeq();
            }
            em.clear();
            if (page.size() < AuditChainVerifier.BATCH) {
                return new long[] {mismatches};
            }
        }
    }

    private static void unlinkAll(PortalJpa db) throws Exception {
        sql(db, "UPDATE audit_event SET chain_seq = NULL, chain_hash = NULL");
        sql(db, "UPDATE audit_chain_head SET last_seq = 0, last_hash = decode(repeat('00', 32), 'hex')");
        sql(db, "VACUUM ANALYZE audit_event");
    }

    private static void sql(PortalJpa db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void print(String what, long[] nanos, int n, String unit) {
        List<Double> perItem = new ArrayList<>();
        for (long t : nanos) {
            perItem.add(t / 1e3 / n);
        }
        perItem.sort(null);
        System.out.printf(
                "%-42s median %8.1f µs per %s (rounds: %s, %d each)%n",
                what,
                perItem.get(perItem.size() / 2),
                unit,
                perItem.stream().map(x -> String.format("%.1f", x)).toList(),
                n);
    }
}
