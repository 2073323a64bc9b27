package org.sealpost.portal.session;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.AccountDirectory;

/**
 * Not a test: what the per-request session check costs, side by side in one run on one
 * database, each check in a transaction of its own as a request's is:
 * <ul>
 * <li>before: the one native statement that joined {@code account} and {@code portal_session}
 * (and touched the row in a CTE), as SessionRegistry had it until issue 10;</li>
 * <li>after: {@link SessionRegistry#check}: the account's standing from its owner (a JPQL
 * projection) and the {@link PortalSession} entity by a named query, touched by JPA at most
 * once a minute.</li>
 * </ul>
 * The session is checked 10 s after its last write, so neither variant writes (most requests).
 * Needs the test database ({@code SEALPOST_TEST_DB_URL} etc.); prints one line per variant.
 */
public final class SessionCheckCost {

    private static final int CHECKS = 5_000;
    private static final int ROUNDS = 5;

    private static final String BEFORE = """
            WITH touched AS (
                UPDATE portal_session SET last_seen_at = ?
                WHERE handle = ? AND account_id = ? AND ended_at IS NULL AND last_seen_at < ?
                RETURNING id)
            SELECT a.state = 'ACTIVE', a.sessions_valid_after, s.id IS NOT NULL, s.end_reason, s.signed_in_at
            FROM account a LEFT JOIN portal_session s ON s.account_id = a.id AND s.handle = ?
            WHERE a.id = ?""";

    public static void main(String[] args) throws Exception {
        try (PortalJpa db = PortalJpa.create("session_check_cost")) {
            long account;
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute(
                        "INSERT INTO account (email, role, state) VALUES ('anna@client.example', 'RECIPIENT', 'ACTIVE')");
                account = 1;
            }
            Instant signedIn = Instant.now();
            SessionHandle handle =
                    db.inTransaction(em -> registry(em).register(account, "192.0.2.7", "Firefox/1", signedIn));
            Instant now = signedIn.plusSeconds(10);

            before(db, account, handle, now, 1_000);
            after(db, account, handle, signedIn, now, 1_000);
            List<Double> beforeMicros = new ArrayList<>();
            List<Double> afterMicros = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                beforeMicros.add(before(db, account, handle, now, CHECKS) / 1e3 / CHECKS);
                afterMicros.add(after(db, account, handle, signedIn, now, CHECKS) / 1e3 / CHECKS);
            }
            print("before: one native statement joining account", beforeMicros);
            print("after: standing (JPQL) + PortalSession (JPA)", afterMicros);
        }
    }

    private static SessionRegistry registry(EntityManager em) {
        return new SessionRegistry(em, AccountDirectory::sessionStanding, Duration.ofMinutes(15), Duration.ofHours(12));
    }

    private static long before(PortalJpa db, long account, SessionHandle handle, Instant now, int n) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            db.inTransaction(em -> em.createNativeQuery(BEFORE)
                    .setParameter(1, now.atOffset(ZoneOffset.UTC))
                    .setParameter(2, handle.value())
                    .setParameter(3, account)
                    .setParameter(4, Activity.touchedBefore(now).atOffset(ZoneOffset.UTC))
                    .setParameter(5, handle.value())
                    .setParameter(6, account)
                    .getResultList());
        }
        return System.nanoTime() - t0;
    }

    private static long after(PortalJpa db, long account, SessionHandle handle, Instant signedIn, Instant now, int n)
            throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            SessionVerdict verdict = db.inTransaction(em -> registry(em).check(account, handle, signedIn, now));
            if (verdict != SessionVerdict.GOES_ON) {
                throw new IllegalStateException(verdict.name());
            }
        }
        return System.nanoTime() - t0;
    }

    private static void print(String what, List<Double> micros) {
        List<Double> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        System.out.printf(
                "%-48s median %6.1f µs per check (rounds: %s, %d checks each)%n",
                what,
                sorted.get(sorted.size() / 2),
                micros.stream().map(x -> String.format("%.1f", x)).toList(),
                CHECKS);
    }
}
