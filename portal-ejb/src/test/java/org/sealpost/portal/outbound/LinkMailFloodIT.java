package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.AccountMailQueue;
import org.sealpost.portal.notification.AccountMail;

/** Link-mail floods against a real PostgreSQL: what the queue holds, and what goes out first. */
class LinkMailFloodIT {

    private PortalJpa jpa;
    private DataSource db;
    private long anna;

    @BeforeEach
    void schemaWithAnActiveAccount() throws SQLException {
        jpa = PortalJpa.create("linkflood");
        db = jpa.dataSource();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO account (email, role, state) VALUES ('anna@client.example', 'RECIPIENT', 'ACTIVE')");
            try (ResultSet rs = s.executeQuery("SELECT id FROM account")) {
                rs.next();
                anna = rs.getLong(1);
            }
        }
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    @Test
    void aFloodOfResetRequestsForOneAddressLeavesAtMostOnePendingMail() throws Exception {
        Instant now = Instant.now();
        // docs/BENCHMARKS.md runs it with -Dlinkflood.requests=10000.
        int requests = Integer.getInteger("linkflood.requests", 2_000);
        for (int i = 0; i < requests; i++) {
            requestReset(now.plusMillis(i));
        }
        try (Connection c = db.getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM outbound_mail WHERE state = 'QUEUED'"))
                    .isOne();

            // Sent, asked again, sent, ...: the address gets LINK_MAILS_PER_ADDRESS an hour, no more.
            for (int round = 0; round < 10; round++) {
                c.createStatement()
                        .execute("UPDATE outbound_mail SET state = 'SENT', sent_at = now() WHERE state = 'QUEUED'");
                requestReset(now.plusSeconds(60 + round));
            }
            assertThat(count(c, "SELECT count(*) FROM outbound_mail")).isEqualTo(AccountMail.LINK_MAILS_PER_ADDRESS);
        }
        assertThat(requestReset(now.plus(AccountMail.ADDRESS_WINDOW).plusSeconds(120)))
                .isEqualTo(AccountMailQueue.LinkRequest.QUEUED);
    }

    /** Anna's "forgot password", in a transaction of its own as the account flow runs it. */
    private AccountMailQueue.LinkRequest requestReset(Instant at) throws Exception {
        return jpa.inTransaction(em -> new AccountMail()
                .requestLink(em, AccountMailQueue.Link.PASSWORD_RESET, "anna@client.example", anna, at));
    }

    @Test
    void anArrivalNotificationQueuedAfterAThousandLinkMailsIsSentFirst() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO account (email, role, state)
                    SELECT 'user' || n || '@client.example', 'RECIPIENT', 'ACTIVE' FROM generate_series(1, 1000) n""");
            s.execute("""
                    INSERT INTO outbound_mail (kind, recipient, account_id, next_attempt_at, created_at)
                    SELECT 'PASSWORD_RESET', email, id, now() - interval '1 minute', now() - interval '1 minute'
                    FROM account WHERE email LIKE 'user%'""");
            s.execute("""
                    INSERT INTO outbound_mail (kind, recipient, account_id, next_attempt_at)
                    VALUES ('NOTIFY_NEW_MESSAGE', 'anna@client.example', %d, now())""".formatted(anna));
            c.setAutoCommit(false);

            List<QueuedMail> first = OutboundQueue.claimDue(c, now.plusSeconds(1), 1);

            assertThat(first).singleElement().satisfies(m -> {
                assertThat(m.kind()).isEqualTo(OutboundKind.NOTIFY_NEW_MESSAGE);
                assertThat(m.recipient()).isEqualTo("anna@client.example");
            });
            c.rollback();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
