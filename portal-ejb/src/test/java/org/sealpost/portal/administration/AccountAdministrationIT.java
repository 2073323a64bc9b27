package org.sealpost.portal.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.AccountMailQueue;
import org.sealpost.portal.account.AccountState;
import org.sealpost.portal.administration.AdministrationRefusedException.Reason;

/**
 * The administrators' account actions against PostgreSQL: each changes what it says and is
 * audited with old and new value; each refusal changes nothing.
 */
class AccountAdministrationIT {

    private static final String ADMIN = "postmaster@bank.example";
    private static final String CLIENT = "192.0.2.7";

    private static PortalJpa db;

    private final Instant now = Instant.now();
    private long admin;
    private long anna;
    private long bert;
    private UUID shared;
    private UUID annasOwn;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("account_admin");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Anna and Bert received one message together; Anna has one of her own and a session. */
    @BeforeEach
    void accounts() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("TRUNCATE account, message_content, mailbox_entry, outbound_mail, audit_event, portal_session,"
                    + " search_index_queue, one_time_token RESTART IDENTITY CASCADE");
            admin = account(c, ADMIN, "ADMIN", "ACTIVE");
            anna = account(c, "anna@client.example", "RECIPIENT", "ACTIVE");
            bert = account(c, "bert@client.example", "RECIPIENT", "ACTIVE");
            shared = content(c, 1000);
            annasOwn = content(c, 500);
            entry(c, anna, shared);
            entry(c, bert, shared);
            entry(c, anna, annasOwn);
            s.execute("INSERT INTO portal_session (handle, account_id, signed_in_at, last_seen_at, device)"
                    + " VALUES ('AAAAAAAAAAAAAAAAAAAAAA', " + anna + ", now(), now(), 'Firefox on Linux')");
            s.execute("INSERT INTO outbound_mail (kind, recipient, account_id) VALUES ('NOTIFY_NEW_MESSAGE',"
                    + " 'anna@client.example', " + anna + ")");
        }
    }

    @Test
    void searchFindsAccountsByAPartOfTheAddressWithTheirMessagesAndStorage() throws Exception {
        AccountList found = db.inTransaction(em -> new AccountAdministration(em).search("CLIENT.example", 0, 10, now));

        assertThat(found.total()).isEqualTo(2);
        assertThat(found.accounts())
                .extracting(AccountSummary::email, AccountSummary::messages, AccountSummary::storageBytes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("anna@client.example", 2L, 1500L),
                        org.assertj.core.groups.Tuple.tuple("bert@client.example", 1L, 1000L));
    }

    @Test
    void searchPagesAndTakesWildcardsLiterally() throws Exception {
        AccountList second = db.inTransaction(em -> new AccountAdministration(em).search("", 1, 2, now));
        AccountList wildcard = db.inTransaction(em -> new AccountAdministration(em).search("%", 0, 10, now));

        assertThat(second.total()).isEqualTo(3);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.accounts()).extracting(AccountSummary::email).containsExactly(ADMIN);
        assertThat(wildcard.total()).isZero();
    }

    @Test
    void unlockEndsTheBackOffOfTooManyWrongPasswordsAndIsAudited() throws Exception {
        sql("UPDATE account SET locked_until = now() + interval '10 minutes', failed_logins = 3 WHERE id = " + anna);
        assertThat(db.inTransaction(em -> new AccountAdministration(em).search("anna", 0, 10, now))
                        .accounts()
                        .get(0)
                        .state())
                .isEqualTo(AccountState.LOCKED);

        db.inTransaction(em -> {
            new AccountAdministration(em).unlock(anna, ADMIN, CLIENT, now);
            return null;
        });

        assertThat(text("SELECT state || ' ' || coalesce(locked_until::text, 'none') || ' ' || failed_logins"
                        + " FROM account WHERE id = " + anna))
                .isEqualTo("ACTIVE none 0");
        assertThat(lastAudit())
                .isEqualTo("ACCOUNT_UNLOCKED " + ADMIN + " anna@client.example: state: LOCKED -> ACTIVE");
    }

    @Test
    void unlockMakesALockedAccountActive() throws Exception {
        sql("UPDATE account SET state = 'LOCKED' WHERE id = " + anna);

        db.inTransaction(em -> {
            new AccountAdministration(em).unlock(anna, ADMIN, CLIENT, now);
            return null;
        });

        assertThat(text("SELECT state FROM account WHERE id = " + anna)).isEqualTo("ACTIVE");
    }

    @Test
    void unlockingAnAccountThatIsNotLockedIsRefused() {
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    new AccountAdministration(em).unlock(anna, ADMIN, CLIENT, now);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        AdministrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_LOCKED));
    }

    @Test
    void disableEndsTheSessionsAndEnableRestoresTheStateBefore() throws Exception {
        db.inTransaction(em -> {
            new AccountAdministration(em).disable(anna, ADMIN, CLIENT, now);
            return null;
        });
        assertThat(text("SELECT state FROM account WHERE id = " + anna)).isEqualTo("DISABLED");
        assertThat(text("SELECT end_reason FROM portal_session WHERE account_id = " + anna))
                .isEqualTo("ENDED_BY_ADMINISTRATOR");
        assertThat(lastAudit())
                .startsWith("ACCOUNT_DISABLED " + ADMIN + " anna@client.example: state: ACTIVE -> DISABLED");

        db.inTransaction(em -> {
            new AccountAdministration(em).enable(anna, ADMIN, CLIENT, now);
            return null;
        });
        assertThat(text("SELECT state FROM account WHERE id = " + anna)).isEqualTo("ACTIVE");
        assertThat(lastAudit())
                .isEqualTo("ACCOUNT_ENABLED " + ADMIN + " anna@client.example: state: DISABLED -> ACTIVE");
    }

    @Test
    void anAdministratorCannotDisableOrDeleteTheirOwnAccount() throws Exception {
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    new AccountAdministration(em).disable(admin, ADMIN, CLIENT, now);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        AdministrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OWN_ACCOUNT));
        assertThatThrownBy(() -> db.inTransaction(
                        em -> new AccountAdministration(em).delete(admin, ADMIN, ADMIN.toUpperCase(), CLIENT, now)))
                .isInstanceOfSatisfying(
                        AdministrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OWN_ACCOUNT));

        assertThat(text("SELECT state FROM account WHERE id = " + admin)).isEqualTo("ACTIVE");
        assertThat(text("SELECT count(*) FROM audit_event")).isEqualTo("0");
    }

    @Test
    void aPendingAccountGetsARegistrationLinkAndAnActiveOneAResetLink() throws Exception {
        sql("UPDATE account SET state = 'PENDING', password_hash = NULL WHERE id = " + bert);

        AccountMailQueue.LinkRequest toBert =
                db.inTransaction(em -> new AccountAdministration(em).sendLink(bert, ADMIN, CLIENT, now));
        AccountMailQueue.LinkRequest toAnna =
                db.inTransaction(em -> new AccountAdministration(em).sendLink(anna, ADMIN, CLIENT, now));

        assertThat(toBert).isEqualTo(AccountMailQueue.LinkRequest.QUEUED);
        assertThat(toAnna).isEqualTo(AccountMailQueue.LinkRequest.QUEUED);
        assertThat(text("SELECT string_agg(kind || ' ' || recipient, ', ' ORDER BY id) FROM outbound_mail"
                        + " WHERE kind IN ('REGISTRATION_LINK', 'PASSWORD_RESET')"))
                .isEqualTo("REGISTRATION_LINK bert@client.example, PASSWORD_RESET anna@client.example");
    }

    @Test
    void aDisabledAccountGetsNoLink() throws Exception {
        sql("UPDATE account SET state = 'DISABLED' WHERE id = " + anna);

        assertThatThrownBy(
                        () -> db.inTransaction(em -> new AccountAdministration(em).sendLink(anna, ADMIN, CLIENT, now)))
                .isInstanceOfSatisfying(
                        AdministrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_LINK_FOR_STATE));
        assertThat(text("SELECT count(*) FROM outbound_mail WHERE kind = 'PASSWORD_RESET'"))
                .isEqualTo("0");
    }

    @Test
    void endAllSessionsEndsEveryOpenSessionOfTheAccount() throws Exception {
        db.inTransaction(em -> {
            new AccountAdministration(em).endAllSessions(anna, ADMIN, CLIENT, now);
            return null;
        });

        assertThat(text("SELECT end_reason FROM portal_session WHERE account_id = " + anna))
                .isEqualTo("ENDED_BY_ADMINISTRATOR");
        assertThat(text("SELECT sessions_valid_after IS NOT NULL FROM account WHERE id = " + anna))
                .isEqualTo("t");
    }

    @Test
    void deleteShredsTheMessagesOnlyTheAccountHadAndLeavesSharedOnesToTheOthers() throws Exception {
        db.inTransaction(em -> new AccountAdministration(em).delete(anna, " Anna@Client.example ", ADMIN, CLIENT, now));

        assertThat(text("SELECT count(*) FROM account WHERE id = " + anna)).isEqualTo("0");
        assertThat(text("SELECT count(*) FROM mailbox_entry WHERE account_id = " + anna))
                .isEqualTo("0");
        assertThat(text("SELECT count(*) FROM message_content WHERE id = '" + annasOwn + "'"))
                .isEqualTo("0");
        assertThat(text("SELECT count(*) FROM message_content WHERE id = '" + shared + "'"))
                .isEqualTo("1");
        assertThat(text("SELECT count(*) FROM mailbox_entry WHERE account_id = " + bert))
                .isEqualTo("1");
        assertThat(text("SELECT count(*) FROM portal_session")).isEqualTo("0");
        assertThat(text("SELECT count(*) FROM outbound_mail")).isEqualTo("0");
        // The search index forgets both of her entries.
        assertThat(text("SELECT count(*) FROM search_index_queue WHERE account_id = " + anna))
                .isEqualTo("2");
        assertThat(lastAudit())
                .isEqualTo("ACCOUNT_DELETED " + ADMIN + " anna@client.example: state: ACTIVE -> deleted;"
                        + " 2 mailbox entries deleted, 1 message contents shredded, 1 undelivered mails dropped");
    }

    @Test
    void deleteWithoutTheAddressTypedIsRefusedAndDeletesNothing() throws Exception {
        assertThatThrownBy(() -> db.inTransaction(
                        em -> new AccountAdministration(em).delete(anna, "bert@client.example", ADMIN, CLIENT, now)))
                .isInstanceOfSatisfying(
                        AdministrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONFIRMATION_MISMATCH));

        assertThat(text("SELECT count(*) FROM mailbox_entry WHERE account_id = " + anna))
                .isEqualTo("2");
        assertThat(text("SELECT count(*) FROM message_content")).isEqualTo("2");
    }

    @Test
    void anActionOnAnAccountThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    new AccountAdministration(em).endAllSessions(9999, ADMIN, CLIENT, now);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        AdministrationRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    private static long account(Connection c, String email, String role, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (email, role, state, password_hash)"
                + " VALUES (?, ?, ?, '$argon2id$x') RETURNING id")) {
            ps.setString(1, email);
            ps.setString(2, role);
            ps.setString(3, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static UUID content(Connection c, long size) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO message_content (id, kek_version, wrapped_key,"
                        + " metadata_ciphertext, mime_ciphertext, size_bytes, received_at) VALUES (?, 1, '\\x00', '\\x00', '\\x00', ?, ?)")) {
            ps.setObject(1, id);
            ps.setLong(2, size);
            ps.setTimestamp(3, Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
            ps.executeUpdate();
        }
        return id;
    }

    private static void entry(Connection c, long account, UUID content) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mailbox_entry (account_id, content_id, folder,"
                + " received_at) VALUES (?, ?, 'INBOX', now())")) {
            ps.setLong(1, account);
            ps.setObject(2, content);
            ps.executeUpdate();
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static String text(String query) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String lastAudit() throws SQLException {
        return text("SELECT action || ' ' || actor || ' ' || detail FROM audit_event ORDER BY id DESC LIMIT 1");
    }
}
