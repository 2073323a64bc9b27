package org.sealpost.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.TestOperatorContext;

/**
 * The tamper-evident audit chain against PostgreSQL, without Payara: concurrent writers and
 * linkers (as on several nodes) produce an intact chain, and a verification names the first
 * event changed, inserted or removed by SQL made directly in the database.
 */
class AuditChainIT {

    private static PortalJpa db;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("audit_chain");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void emptyTrailAndChain() throws SQLException {
        sql("TRUNCATE audit_event RESTART IDENTITY");
        sql("UPDATE audit_chain_head SET last_seq = 0, last_hash = decode(repeat('00', 32), 'hex'), linked_at = NULL,"
                + " checked_at = NULL, checked_by = NULL, check_intact = NULL, check_summary = NULL");
    }

    @Test
    void concurrentWritersAndLinkersOnSeveralNodesProduceAnIntactGapFreeChain() throws Exception {
        int writers = 6;
        int eventsEach = 60;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < eventsEach; i++) {
                    int n = i;
                    // Some transactions roll back: their rows must never leave a hole in the chain.
                    try {
                        db.inTransaction(em -> {
                            AuditTrail trail = AuditTrail.on(em);
                            trail.record(
                                    "writer" + writer + "@client.example",
                                    AuditAction.SIGNED_IN,
                                    "account",
                                    Integer.toString(writer),
                                    "127.0.0." + writer,
                                    "event " + n,
                                    Instant.now());
                            if (n % 10 == 9) {
                                throw new IllegalStateException("rolled back on purpose");
                            }
                            return null;
                        });
                    } catch (IllegalStateException expected) {
                        // the event is gone with its transaction
                    }
                }
                return null;
            }));
        }
        // Two linkers, as two portal nodes: the head's row lock lets one at a time extend the chain.
        for (int l = 0; l < 2; l++) {
            futures.add(pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    db.inTransaction(em -> AuditChainLinker.linkBatch(PortalJpa.connectionOf(em), Instant.now()));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures.subList(0, writers)) {
            f.get();
        }
        writing.set(false);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        db.inTransaction(em -> AuditChainLinker.linkAll(PortalJpa.connectionOf(em), Instant.now()));

        ChainVerdict verdict = db.inTransaction(em -> AuditChainVerifier.verify(em));

        long committed = writers * (eventsEach - eventsEach / 10);
        assertThat(verdict.intact()).as(verdict.describe()).isTrue();
        assertThat(verdict.checked()).isEqualTo(committed);
        assertThat(verdict.headSeq()).isEqualTo(committed);
        assertThat(verdict.waiting()).isZero();
        assertThat(single("SELECT count(DISTINCT chain_seq) FROM audit_event")).isEqualTo(committed);
        assertThat(single("SELECT max(chain_seq) FROM audit_event")).isEqualTo(committed);
    }

    @Test
    void anUpdateOfOneEventsDetailIsNamedAsAChangeOfThatEvent() throws Exception {
        List<Long> ids = recordAndLink(10);
        assertThat(verify().intact()).isTrue();

        sql("UPDATE audit_event SET detail = 'nothing happened' WHERE chain_seq = 4");

        ChainVerdict verdict = verify();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.breakage().kind()).isEqualTo(ChainBreak.Kind.CHANGED);
        assertThat(verdict.breakage().seq()).isEqualTo(4);
        assertThat(verdict.breakage().eventId()).isEqualTo(ids.get(3));
        assertThat(verdict.checked()).isEqualTo(3);
        assertThat(verdict.describe()).contains("broken at sequence 4 (event " + ids.get(3) + ")", "was changed");
    }

    @Test
    void aChangeOfTheLastEventIsFoundAgainstTheHead() throws Exception {
        recordAndLink(5);

        sql("UPDATE audit_event SET occurred_at = occurred_at - interval '1 hour' WHERE chain_seq = 5");

        ChainVerdict verdict = verify();
        assertThat(verdict.breakage().kind()).isEqualTo(ChainBreak.Kind.CHANGED);
        assertThat(verdict.breakage().seq()).isEqualTo(5);
    }

    @Test
    void aDeletedEventInTheMiddleIsNamedByItsMissingSequenceNumber() throws Exception {
        List<Long> ids = recordAndLink(10);

        sql("DELETE FROM audit_event WHERE chain_seq = 6");

        ChainVerdict verdict = verify();
        assertThat(verdict.breakage().kind()).isEqualTo(ChainBreak.Kind.REMOVED);
        assertThat(verdict.breakage().seq()).isEqualTo(6);
        assertThat(verdict.breakage().eventId()).isNull();
        assertThat(verdict.describe())
                .contains(
                        "sequence 6 is missing",
                        "event " + ids.get(4) + " (sequence 5)",
                        "event " + ids.get(6) + " (sequence 7)");
    }

    @Test
    void deletedEventsAtTheEndAreFoundAgainstTheHead() throws Exception {
        recordAndLink(10);

        sql("DELETE FROM audit_event WHERE chain_seq >= 9");

        ChainVerdict verdict = verify();
        assertThat(verdict.breakage().kind()).isEqualTo(ChainBreak.Kind.REMOVED);
        assertThat(verdict.breakage().seq()).isEqualTo(9);
        assertThat(verdict.describe()).contains("sequence 9 to 10 missing at the end");
    }

    @Test
    void aForgedEventInsertedBeyondTheHeadIsNamedAsInserted() throws Exception {
        recordAndLink(5);

        sql("INSERT INTO audit_event (actor, action, detail, chain_seq, chain_hash)"
                + " VALUES ('mallory@client.example', 'SIGNED_IN', 'forged', 6, decode(repeat('ab', 32), 'hex'))");

        ChainVerdict verdict = verify();
        assertThat(verdict.breakage().kind()).isEqualTo(ChainBreak.Kind.INSERTED);
        assertThat(verdict.breakage().seq()).isEqualTo(6);
        assertThat(verdict.breakage().eventId())
                .isEqualTo(single("SELECT id FROM audit_event WHERE detail = 'forged'"));
    }

    @Test
    void aForgedEventSlippedIntoTheMiddleByRenumberingIsNamedAsInserted() throws Exception {
        recordAndLink(8);

        // Make room at sequence 4 (in two steps: the sequence numbers are unique), then fill it.
        sql("UPDATE audit_event SET chain_seq = chain_seq + 1000 WHERE chain_seq >= 4");
        sql("UPDATE audit_event SET chain_seq = chain_seq - 999 WHERE chain_seq >= 1000");
        sql("UPDATE audit_chain_head SET last_seq = 9");
        sql("INSERT INTO audit_event (occurred_at, actor, action, detail, chain_seq, chain_hash)"
                + " SELECT occurred_at, 'mallory@client.example', 'SIGNED_IN', 'forged', 4, chain_hash"
                + " FROM audit_event WHERE chain_seq = 3");

        ChainVerdict verdict = verify();
        assertThat(verdict.breakage().kind()).isEqualTo(ChainBreak.Kind.INSERTED);
        assertThat(verdict.breakage().seq()).isEqualTo(4);
        assertThat(verdict.breakage().eventId())
                .isEqualTo(single("SELECT id FROM audit_event WHERE detail = 'forged'"));
    }

    @Test
    void aChainRecomputedBySomeoneWithWriteAccessPassesAloneButNotAgainstAnAnchorNotedBefore() throws Exception {
        recordAndLink(6);
        ChainVerdict before = verify();
        ChainAnchor noted = ChainAnchor.parse(before.headSeq() + ":" + before.headHash());

        // The attacker edits event 3 and recomputes every hash from there, head included.
        sql("UPDATE audit_event SET detail = 'nothing to see' WHERE chain_seq = 3");
        db.inTransaction(em -> {
            Connection c = PortalJpa.connectionOf(em);
            byte[] previous =
                    AuditTrail.linkedAfter(em, 1, Long.MAX_VALUE, 1).get(0).chainHash(); // seq 2
            for (AuditEvent e : AuditTrail.linkedAfter(em, 2, Long.MAX_VALUE, 10)) {
                previous = AuditChainHash.hash(e, e.chainSeq(), previous);
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET chain_hash = ? WHERE id = ?")) {
                    ps.setBytes(1, previous);
                    ps.setLong(2, e.id());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_chain_head SET last_hash = ?")) {
                ps.setBytes(1, previous);
                ps.executeUpdate();
            }
            return null;
        });

        assertThat(verify().intact())
                .as("a recomputed chain is consistent in itself")
                .isTrue();
        ChainVerdict againstAnchor = db.inTransaction(em -> AuditChainVerifier.verify(em, noted));
        assertThat(againstAnchor.breakage().kind()).isEqualTo(ChainBreak.Kind.REWRITTEN);
        assertThat(againstAnchor.breakage().seq()).isEqualTo(6);
        assertThat(againstAnchor.describe()).contains("not the anchor's " + before.headHash());
    }

    @Test
    void anAnchorBeyondTheChainsEndIsReportedAsRewritten() throws Exception {
        recordAndLink(4);
        ChainAnchor future = ChainAnchor.parse("9:" + "ab".repeat(32));

        ChainVerdict verdict = db.inTransaction(em -> AuditChainVerifier.verify(em, future));

        assertThat(verdict.breakage().kind()).isEqualTo(ChainBreak.Kind.REWRITTEN);
        assertThat(verdict.describe()).contains("beyond the chain's end at 4");
    }

    @Test
    void eventsNotLinkedYetAreReportedAsTheWaitingTailNotAsABreak() throws Exception {
        recordAndLink(3);
        record(2);

        ChainVerdict verdict = verify();
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.checked()).isEqualTo(3);
        assertThat(verdict.waiting()).isEqualTo(2);
        assertThat(verdict.oldestWaiting()).isNotNull();
        assertThat(verdict.describe()).contains("2 newer event(s) wait to be linked");
    }

    @Test
    void aChangeIsRecordedWithOldAndNewValueSecretsMaskedAndCoveredByTheChain() throws Exception {
        Instant now = Instant.now();
        db.inTransaction(em -> {
            AuditTrail trail = AuditTrail.on(em);
            trail.recordChange(
                    "admin@bank.example",
                    AuditAction.POLICY_CHANGED,
                    "policy",
                    "1",
                    "127.0.0.1",
                    "forward",
                    "DISABLED",
                    "INTERNAL_ONLY",
                    false,
                    now);
            trail.recordChange(
                    "admin@bank.example",
                    AuditAction.POLICY_CHANGED,
                    "settings",
                    "smarthost",
                    "127.0.0.1",
                    "password",
                    "old-secret",
                    "new-secret",
                    true,
                    now);
            trail.recordChange(
                    "admin@bank.example",
                    AuditAction.POLICY_CHANGED,
                    "settings",
                    "smarthost",
                    "127.0.0.1",
                    "password",
                    null,
                    "first-secret",
                    true,
                    now);
            return null;
        });
        link();

        assertThat(
                        rows(
                                "SELECT field || ':' || coalesce(old_value, '(null)') || ':' || new_value FROM audit_event ORDER BY id"))
                .containsExactly(
                        "forward:DISABLED:INTERNAL_ONLY", "password:********:********", "password:(null):********");
        assertThat(
                        rows(
                                "SELECT count(*) FROM audit_event WHERE old_value LIKE '%secret%' OR new_value LIKE '%secret%'"))
                .containsExactly("0");
        assertThat(verify().intact()).isTrue();

        sql("UPDATE audit_event SET new_value = 'INTERNAL_AND_EXTERNAL' WHERE field = 'forward'");

        assertThat(verify().breakage().seq()).isEqualTo(1);
    }

    @Test
    void theSignInHistoryOfAnAccountIsItsOwnSignInsNewestFirst() throws Exception {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        db.inTransaction(em -> {
            AuditTrail trail = AuditTrail.on(em);
            trail.record("anna@client.example", AuditAction.SIGNED_IN, "account", "7", "10.0.0.1", null, t);
            trail.record(
                    "anna@client.example",
                    AuditAction.SIGN_IN_FAILED,
                    "account",
                    "7",
                    "10.0.0.2",
                    null,
                    t.plusSeconds(60));
            trail.record(
                    "anna@client.example",
                    AuditAction.PASSWORD_CHANGED,
                    "account",
                    "7",
                    "10.0.0.3",
                    null,
                    t.plusSeconds(120));
            trail.record(
                    "bob@client.example", AuditAction.SIGNED_IN, "account", "8", "10.0.0.4", null, t.plusSeconds(180));
            return null;
        });

        List<AuditEvent> history = db.inTransaction(
                em -> AuditTrail.aboutAccount(em, 7, List.of(AuditAction.SIGNED_IN, AuditAction.SIGN_IN_FAILED), 10));

        assertThat(history).extracting(AuditEvent::clientAddress).containsExactly("10.0.0.2", "10.0.0.1");
        assertThat(history).extracting(AuditEvent::action).containsExactly("SIGN_IN_FAILED", "SIGNED_IN");
        assertThat(history.get(1).occurredAt()).isEqualTo(t);
    }

    @Test
    void theWarmUpsEventsAreLeftOutUnlessAskedFor() throws Exception {
        Instant t = Instant.parse("2026-12-02T10:00:00Z");
        db.inTransaction(em -> {
            AuditTrail trail = AuditTrail.on(em);
            trail.record("warm-up", AuditAction.REGISTERED, "account", "9", "127.0.0.1", "reader", t);
            trail.record("reader-1@warm-up.invalid", AuditAction.SIGNED_IN, "account", "9", "127.0.0.1", null, t);
            trail.record("reader-1@warm-up.invalid", AuditAction.SIGNED_OUT, "account", "9", "127.0.0.1", null, t);
            trail.record("anna@client.example", AuditAction.SIGNED_IN, "account", "7", "10.0.0.1", "anna", t);
            // Someone trying a reader's address is not the warm-up: that stays in sight.
            trail.record(
                    "reader-1@warm-up.invalid", AuditAction.SIGN_IN_FAILED, "account", "9", "10.0.0.9", "tried", t);
            // Look-alikes: another .invalid domain, a subdomain, an actor named like the domain.
            trail.record("x@bench.invalid", AuditAction.SIGNED_IN, "account", "8", "10.0.0.2", "bench", t);
            trail.record("x@a.warm-up.invalid.example", AuditAction.SIGNED_IN, "account", "8", null, "sub", t);
            trail.record("warm-up.invalid", AuditAction.POLICY_CHANGED, null, null, null, "named", t);
            return null;
        });

        try (Connection c = db.dataSource().getConnection()) {
            assertThat(AuditTrail.page(c, AuditFilter.EVERYTHING_BUT_WARM_UP, 0, 100))
                    .extracting(AuditEvent::detail)
                    .containsExactly("named", "sub", "bench", "tried", "anna");
            assertThat(AuditTrail.count(c, AuditFilter.EVERYTHING_BUT_WARM_UP, 1_000))
                    .isEqualTo(5);
            assertThat(AuditTrail.count(c, AuditFilter.EVERYTHING, 1_000)).isEqualTo(8);
            assertThat(AuditTrail.count(
                            c, new AuditFilter(null, null, AuditAction.SIGNED_IN, null, null, false), 1_000))
                    .isEqualTo(3);
        }
        assertThat(AuditFilter.EVERYTHING_BUT_WARM_UP.describe()).endsWith("the portal's warm-up left out");
    }

    @Test
    void theAuditPageFiltersByAccountKindAndTimeAndPagesAndExportsFromTheDatabase() throws Exception {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        db.inTransaction(em -> {
            AuditTrail trail = AuditTrail.on(em);
            for (int i = 0; i < 30; i++) {
                trail.record(
                        "anna@client.example",
                        i % 2 == 0 ? AuditAction.SIGNED_IN : AuditAction.SIGNED_OUT,
                        "account",
                        "7",
                        null,
                        "n" + i,
                        t.plusSeconds(i));
            }
            // Done to Anna's account by someone else: found by her account, too.
            trail.record(
                    "admin@bank.example",
                    AuditAction.PASSWORD_RESET,
                    "account",
                    "7",
                    null,
                    "by admin",
                    t.plusSeconds(100));
            trail.record("bob@client.example", AuditAction.SIGNED_IN, "account", "8", null, "bob", t.plusSeconds(200));
            return null;
        });
        AuditFilter anna = new AuditFilter("anna@client.example", 7L, null, null, null);
        AuditFilter annaSignIns = new AuditFilter("anna@client.example", 7L, AuditAction.SIGNED_IN, null, null);
        AuditFilter window = new AuditFilter(null, null, null, t.plusSeconds(10), t.plusSeconds(20));

        try (Connection c = db.dataSource().getConnection()) {
            assertThat(AuditTrail.count(c, AuditFilter.EVERYTHING, 1_000)).isEqualTo(32);
            assertThat(AuditTrail.count(c, anna, 1_000)).isEqualTo(31);
            assertThat(AuditTrail.count(c, anna, 5))
                    .as("counted up to the cap and one more")
                    .isEqualTo(6);
            assertThat(AuditTrail.count(c, annaSignIns, 1_000)).isEqualTo(15);
            assertThat(AuditTrail.count(c, window, 1_000)).isEqualTo(10);
            List<String> exported = new ArrayList<>();
            assertThat(AuditTrail.forEach(c, anna, 4, e -> exported.add(e.detail())))
                    .isEqualTo(31);
            assertThat(exported)
                    .hasSize(31)
                    .doesNotHaveDuplicates()
                    .startsWith("by admin", "n29")
                    .endsWith("n0");
        }
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(AuditTrail.page(c, anna, 0, 3))
                    .extracting(AuditEvent::detail)
                    .containsExactly("by admin", "n29", "n28");
            assertThat(AuditTrail.page(c, anna, 3, 2))
                    .extracting(AuditEvent::detail)
                    .containsExactly("n27", "n26");
            assertThat(AuditTrail.page(c, annaSignIns, 0, 100)).hasSize(15);
            assertThat(AuditTrail.page(c, window, 0, 100))
                    .extracting(AuditEvent::detail)
                    .containsExactly("n19", "n18", "n17", "n16", "n15", "n14", "n13", "n12", "n11", "n10");
            assertThat(AuditTrail.page(c, new AuditFilter("bob@client.example", null, null, null, null), 0, 100))
                    .extracting(AuditEvent::detail)
                    .containsExactly("bob");
            assertThat(AuditTrail.page(c, AuditFilter.EVERYTHING, 30, 100)).hasSize(2);
        }
    }

    @Test
    void theCsvExportHoldsEveryFilteredEventDefusesFormulasAndIsItselfAudited() throws Exception {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        db.inTransaction(em -> {
            AuditTrail trail = AuditTrail.on(em);
            for (int i = 0; i < 2_500; i++) {
                trail.record(
                        "anna@client.example", AuditAction.SIGNED_IN, "account", "7", null, "n" + i, t.plusMillis(i));
            }
            // What an outsider typed into the sign-in form becomes the actor.
            trail.record(
                    "=HYPERLINK(\"http://evil.example/\",\"x\")",
                    AuditAction.SIGN_IN_FAILED,
                    "account",
                    null,
                    "198.51.100.9",
                    "unknown address",
                    t.plusSeconds(10));
            return null;
        });
        ByteArrayOutputStream csv = new ByteArrayOutputStream();

        long rows = db.inTransaction(em -> AuditCsv.export(
                PortalJpa.connectionOf(em),
                AuditFilter.EVERYTHING,
                csv,
                "admin@bank.example",
                "127.0.0.1",
                Instant.now()));

        List<String> lines = List.of(csv.toString(StandardCharsets.UTF_8).split("\r\n"));
        assertThat(rows).isEqualTo(2_501);
        assertThat(lines).hasSize(2_502);
        assertThat(lines.get(0)).startsWith("id,sequence,occurred_at,actor,action");
        assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\",SIGN_IN_FAILED,");
        assertThat(lines.get(2_501)).contains(",anna@client.example,SIGNED_IN,account,7,,n0,");
        assertThat(rows("SELECT actor || ' ' || client_address || ' ' || detail FROM audit_event"
                        + " WHERE action = 'AUDIT_LOG_EXPORTED'"))
                .containsExactly("admin@bank.example 127.0.0.1 2501 event(s); account any, kind any, from the start,"
                        + " until now, the portal's warm-up included");
    }

    @Test
    void aTimeRangeThatEndsBeforeItStartsIsRefusedWithASentence() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new AuditFilter(null, null, null, t, t.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the time range ends before it starts");
    }

    @Test
    void theOperatorCommandExitsZeroWhenIntactAndOneNamingTheEventOtherwise() throws Exception {
        List<Long> ids = record(6); // not linked yet: the command links before it verifies
        TestOperatorContext context = newContext();

        int intact = new AuditCommand().run(List.of("verify"), context);

        assertThat(intact).isEqualTo(OperatorCommand.OK);
        assertThat(context.printed())
                .contains("linked 6 event(s)", "The audit chain is intact: 6 event(s), sequence 1 to 6");
        Optional<ChainCheck> last = db.inTransaction(em -> AuditChainCheck.lastCheck(PortalJpa.connectionOf(em)));
        assertThat(last).get().satisfies(c -> {
            assertThat(c.intact()).isTrue();
            assertThat(c.by()).isEqualTo("operator:test");
            assertThat(c.at()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        });
        assertThat(rows("SELECT actor || ' ' || detail FROM audit_event WHERE action = 'AUDIT_CHAIN_CHECKED'"))
                .singleElement()
                .asString()
                .startsWith("operator:test The audit chain is intact");

        sql("UPDATE audit_event SET client_address = '203.0.113.9' WHERE chain_seq = 2");
        TestOperatorContext again = newContext();

        int broken = new AuditCommand().run(List.of("verify"), again);

        assertThat(broken).isEqualTo(OperatorCommand.REFUSED);
        assertThat(again.complained()).contains("broken at sequence 2 (event " + ids.get(1) + ")", "was changed");
        Optional<ChainCheck> afterBreak = db.inTransaction(em -> AuditChainCheck.lastCheck(PortalJpa.connectionOf(em)));
        assertThat(afterBreak).get().extracting(ChainCheck::intact).isEqualTo(false);
    }

    @Test
    void theOperatorCommandPrintsTheAnchorForTheNextCheckAndChecksAnAnchorGiven() throws Exception {
        record(3);
        TestOperatorContext first = newContext();
        assertThat(new AuditCommand().run(List.of("verify"), first)).isEqualTo(OperatorCommand.OK);
        String printed = first.printed();
        String anchorText = printed.substring(printed.indexOf("anchor for the next check: ") + 27)
                .trim();
        assertThat(anchorText).matches("3:[0-9a-f]{64}");

        TestOperatorContext second = newContext();
        assertThat(new AuditCommand().run(List.of("verify", "--anchor", anchorText), second))
                .isEqualTo(OperatorCommand.OK);

        TestOperatorContext wrong = newContext();
        String otherHash = "3:" + "0".repeat(64);
        assertThat(new AuditCommand().run(List.of("verify", "--anchor", otherHash), wrong))
                .isEqualTo(OperatorCommand.REFUSED);
        assertThat(wrong.complained()).contains("broken at sequence 3", "not the anchor's");
    }

    @Test
    void aMalformedAnchorIsRefusedWithASentenceBeforeAnythingIsTouched() throws Exception {
        TestOperatorContext context = newContext();

        assertThat(new AuditCommand().run(List.of("verify", "--anchor", "12:beef"), context))
                .isEqualTo(OperatorCommand.USAGE);
        assertThat(context.complained()).contains("an anchor is SEQUENCE:HASH", "'12:beef'");
        assertThat(single("SELECT count(*) FROM audit_event")).isZero();
    }

    @Test
    void theOperatorCommandRefusesAnythingButVerifyWithItsUsage() throws Exception {
        TestOperatorContext context = newContext();

        assertThat(new AuditCommand().run(List.of("verfiy"), context)).isEqualTo(OperatorCommand.USAGE);
        assertThat(context.complained()).contains("usage: ./sealpost audit verify [--anchor SEQUENCE:HASH]");
        assertThat(single("SELECT count(*) FROM audit_event")).isZero();
    }

    // ---- helpers

    private static List<Long> record(int n) throws Exception {
        return db.inTransaction(em -> {
            AuditTrail trail = AuditTrail.on(em);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                trail.record(
                        "anna@client.example",
                        AuditAction.SIGNED_IN,
                        "account",
                        "7",
                        "10.0.0." + i,
                        "event " + i,
                        Instant.now());
            }
            try (Statement s = PortalJpa.connectionOf(em).createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM audit_event ORDER BY id DESC LIMIT " + n)) {
                while (rs.next()) {
                    ids.add(0, rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private static List<Long> recordAndLink(int n) throws Exception {
        List<Long> ids = record(n);
        link();
        return ids;
    }

    private static void link() throws Exception {
        db.inTransaction(em -> AuditChainLinker.linkAll(PortalJpa.connectionOf(em), Instant.now()));
    }

    private static ChainVerdict verify() throws Exception {
        return db.inTransaction(em -> AuditChainVerifier.verify(em));
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long single(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** The launcher's context, over this test's database. */
    private static TestOperatorContext newContext() {
        return new TestOperatorContext(db, Path.of("data").toAbsolutePath());
    }
}
