package org.sealpost.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.secondfactor.SecondFactorsAtSignIn;

/**
 * The warm-up's rehearsed sign-in (ADR 0027) against PostgreSQL: inside its transaction it
 * writes what a real sign-in writes (the account's sign-in, the session's row, the audit
 * event), and once that transaction is rolled back, as the container always does with it, no
 * row is left: only the identity sequences have moved on.
 */
class SignInRehearsalIT {

    /** What a sign-in writes, and what a person could see of it. */
    private static final List<String> TABLES = List.of("account", "portal_session", "audit_event");

    private static PortalJpa db;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("sign_in_rehearsal");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theRehearsalSignsAThrowAwayAccountInAndItsRollbackLeavesOnlySequenceGaps() throws Exception {
        db.execute("INSERT INTO account (email, role, state) VALUES ('before@client.example', 'RECIPIENT', 'PENDING')");
        Map<String, Long> before = committedCounts();
        long accountIdBefore = Long.parseLong(db.string("SELECT max(id) FROM account"));

        EntityManager em = db.entityManagerFactory().createEntityManager();
        Map<String, Long> during;
        Optional<SignInResult.SignedIn> signedIn;
        try {
            em.getTransaction().begin();
            signedIn = SignInRehearsal.rehearse(
                    em,
                    new SignInRecords(em, true, new SecondFactorsAtSignIn(), SessionRegistries.on(em)),
                    new TestPasswords().hasher(),
                    Instant.now());
            during = counts(PortalJpa.connectionOf(em));
            assertThat(auditActions(PortalJpa.connectionOf(em))).contains("SIGNED_IN");
        } finally {
            em.getTransaction().rollback();
            em.close();
        }

        assertThat(signedIn)
                .as("the whole path ran, to a signed-in session")
                .hasValueSatisfying(s -> assertThat(s.session()).isNotNull());
        assertThat(during)
                .as("inside the rehearsal's transaction")
                .containsEntry("account", before.get("account") + 1)
                .containsEntry("portal_session", before.get("portal_session") + 1)
                .containsEntry("audit_event", before.get("audit_event") + 1);
        assertThat(committedCounts()).as("after its rollback").isEqualTo(before);
        db.execute("INSERT INTO account (email, role, state) VALUES ('after@client.example', 'RECIPIENT', 'PENDING')");
        assertThat(Long.parseLong(db.string("SELECT id FROM account WHERE email = 'after@client.example'")))
                .as("the one trace: the account sequence moved past the rehearsal's id")
                .isEqualTo(accountIdBefore + 2);
    }

    private static Map<String, Long> committedCounts() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return counts(c);
        }
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        return PortalJpa.rowCounts(c, TABLES);
    }

    private static List<String> auditActions(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT action FROM audit_event")) {
            List<String> actions = new ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            return actions;
        }
    }
}
