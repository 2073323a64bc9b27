package org.sealpost.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.TestOperatorContext;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * The audit trail's owner against PostgreSQL, without Payara: an event is recorded with who did
 * what, and once written JPA never rewrites it; the chain's walk and the operator's command
 * report a database that refuses the work as the portal's own exception and a sentence, never
 * as the driver's.
 */
class AuditTrailIT {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123456Z");

    private static PortalJpa db;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("audit_trail");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void emptyTrail() throws Exception {
        sql("TRUNCATE audit_event RESTART IDENTITY");
        sql("DELETE FROM audit_chain_head");
        sql("INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'))");
    }

    @Test
    void anEventIsRecordedAtOnceInTheCallersTransactionUnlinked() throws Exception {
        long seenInTheTransaction = db.inTransaction(em -> {
            AuditTrail.on(em)
                    .record("anna@client.example", AuditAction.SIGNED_IN, "account", "7", "192.0.2.7", null, AT);
            // the caller's plain JDBC on the same connection sees it before the commit
            return count(PortalJpa.connectionOf(em));
        });

        assertThat(seenInTheTransaction).isEqualTo(1);
        AuditEvent event = db.inTransaction(em -> em.find(AuditEvent.class, 1L));
        assertThat(event.actor()).isEqualTo("anna@client.example");
        assertThat(event.kind()).contains(AuditAction.SIGNED_IN);
        assertThat(event.occurredAt()).isEqualTo(AT);
        assertThat(event.linked()).isFalse();
    }

    @Test
    void anUnlinkedEventReadsBackUnlinkedOnTheAuditPage() throws Exception {
        db.inTransaction(em -> {
            AuditTrail.on(em)
                    .record("anna@client.example", AuditAction.SIGNED_IN, "account", "7", "192.0.2.7", null, AT);
            return null;
        });

        List<AuditEvent> page;
        try (Connection c = db.dataSource().getConnection()) {
            page = AuditTrail.page(c, AuditFilter.EVERYTHING, 0, 10);
        }

        assertThat(page).hasSize(1);
        // The chain's sequence is NULL until the linker has run; read as the row's id it was 1.
        assertThat(page.get(0).chainSeq()).isNull();
        assertThat(page.get(0).linked()).isFalse();
    }

    @Test
    void anEventNamesWhoDidWhatAndAChangeTheFieldThatChanged() {
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    AuditTrail.on(em).record(" ", AuditAction.SIGNED_IN, "account", "7", null, null, AT);
                    return null;
                }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    AuditTrail trail = AuditTrail.on(em);
                    trail.recordChange(
                            "admin@bank.example",
                            AuditAction.POLICY_CHANGED,
                            "policy",
                            "1",
                            null,
                            null,
                            "a",
                            "b",
                            false,
                            AT);
                    return null;
                }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrittenEventIsNeverRewrittenThroughJpaAndTheChainStaysIntact() throws Exception {
        db.inTransaction(em -> {
            AuditTrail.on(em)
                    .record("anna@client.example", AuditAction.SIGNED_IN, "account", "7", "192.0.2.7", null, AT);
            return null;
        });
        db.inTransaction(em -> AuditChainLinker.linkAll(PortalJpa.connectionOf(em), Instant.now()));

        db.inTransaction(em -> em.merge(new AuditEvent(
                1L,
                null,
                null,
                AT.plusSeconds(1),
                "mallory@client.example",
                AuditAction.SIGNED_OUT.name(),
                "account",
                "8",
                "203.0.113.9",
                "forged",
                null,
                null,
                null)));

        AuditEvent stored = db.inTransaction(em -> em.find(AuditEvent.class, 1L));
        assertThat(stored.actor()).isEqualTo("anna@client.example");
        assertThat(stored.detail()).isNull();
        assertThat(stored.chainSeq()).isEqualTo(1L);
        assertThat(db.inTransaction(em -> AuditChainVerifier.verify(em)).intact())
                .isTrue();
    }

    @Test
    void theAccountPagesHistoryIsTheAccountsOwnEventsOfTheKindsAskedNewestFirst() throws Exception {
        db.inTransaction(em -> {
            AuditTrail trail = AuditTrail.on(em);
            trail.record("anna@client.example", AuditAction.SIGNED_IN, "account", "7", "192.0.2.1", null, AT);
            trail.record(
                    "anna@client.example",
                    AuditAction.SIGNED_OUT,
                    "account",
                    "7",
                    "192.0.2.2",
                    null,
                    AT.plusSeconds(1));
            trail.record(
                    "anna@client.example",
                    AuditAction.SIGN_IN_FAILED,
                    "account",
                    "7",
                    "192.0.2.3",
                    null,
                    AT.plusSeconds(2));
            trail.record(
                    "bob@client.example", AuditAction.SIGNED_IN, "account", "8", "192.0.2.4", null, AT.plusSeconds(3));
            return null;
        });

        List<AuditEvent> history = db.inTransaction(
                em -> AuditTrail.aboutAccount(em, 7, List.of(AuditAction.SIGNED_IN, AuditAction.SIGN_IN_FAILED), 10));

        assertThat(history).extracting(AuditEvent::clientAddress).containsExactly("192.0.2.3", "192.0.2.1");
        List<AuditEvent> latest =
                db.inTransaction(em -> AuditTrail.aboutAccount(em, 7, List.of(AuditAction.values()), 1));
        assertThat(latest).extracting(AuditEvent::clientAddress).containsExactly("192.0.2.3");
    }

    @Test
    void aDatabaseThatRefusesTheWorkIsTheStorageBeingUnavailableNotTheDriversException() throws Exception {
        sql("DELETE FROM audit_chain_head");

        assertThatThrownBy(() -> db.inTransaction(em -> AuditChainVerifier.verify(em)))
                .isInstanceOf(StorageUnavailableException.class)
                .isInstanceOf(AuditUnavailableException.class)
                .hasMessageContaining("the audit trail cannot be verified now");
    }

    @Test
    void theOperatorCommandSaysInOneSentenceThatTheDatabaseCannotBeUsed() throws Exception {
        sql("DELETE FROM audit_chain_head");
        TestOperatorContext context =
                new TestOperatorContext(db, Path.of("data").toAbsolutePath());

        int status = new AuditCommand().run(List.of("verify"), context);

        assertThat(status).isEqualTo(OperatorCommand.UNAVAILABLE);
        assertThat(context.complained())
                .startsWith("sealpost audit: the portal's database cannot be used now")
                .contains("the audit chain head row is missing")
                .doesNotContain("at org.sealpost");
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event WHERE chain_seq IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
