package org.sealpost.portal.account;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.portal.session.AccountStandings;

/**
 * The owner of table {@code account}: every statement about it, in JPQL on the {@link Account}
 * entity or (for the intake's and the outbound worker's own JDBC transactions) in SQL, is here.
 * Finds and opens accounts by address, and answers the administrators' searches and counts.
 */
@Stateless
public class AccountDirectory {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    public Optional<Account> find(EmailAddress email) {
        return byEmail(em, email, LockModeType.NONE);
    }

    /** The account at {@code email} on the caller's entity manager, without a lock. */
    public static Optional<Account> byEmail(EntityManager em, EmailAddress email) {
        return byEmail(em, email, LockModeType.NONE);
    }

    /**
     * The account at {@code email} on the caller's entity manager, with {@code lock} (a sign-in
     * records its outcome under the row's PESSIMISTIC_WRITE lock).
     */
    public static Optional<Account> byEmail(EntityManager em, EmailAddress email, LockModeType lock) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", email.value())
                .setLockMode(lock)
                .getResultStream()
                .findFirst();
    }

    /**
     * Accounts whose address contains {@code part} (any case; blank: every account), in address
     * order, {@code limit} from {@code offset}. The part is matched literally: {@code %} and
     * {@code _} are not wildcards.
     */
    public static List<Account> search(EntityManager em, String part, int offset, int limit) {
        return em.createQuery(
                        "SELECT a FROM Account a WHERE a.email LIKE :p ESCAPE '\\' ORDER BY a.email, a.id",
                        Account.class)
                .setParameter("p", pattern(part))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many accounts {@link #search} finds for {@code part}. */
    public static long count(EntityManager em, String part) {
        return em.createQuery("SELECT count(a) FROM Account a WHERE a.email LIKE :p ESCAPE '\\'", Long.class)
                .setParameter("p", pattern(part))
                .getSingleResult();
    }

    /** How many accounts are in each state; a state without accounts counts 0. */
    public static Map<AccountState, Long> countByState(EntityManager em) {
        Map<AccountState, Long> counts = new EnumMap<>(AccountState.class);
        for (AccountState state : AccountState.values()) {
            counts.put(state, 0L);
        }
        for (Object[] row : em.createQuery("SELECT a.state, count(a) FROM Account a GROUP BY a.state", Object[].class)
                .getResultList()) {
            counts.put((AccountState) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String pattern(String part) {
        // Addresses are stored case-folded (EmailAddress), so a folded part finds them.
        String folded = part == null ? "" : part.strip().toLowerCase(Locale.ROOT);
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The account for an address, created PENDING if there was none. */
    public Account findOrCreatePending(EmailAddress email) {
        return find(email).orElseGet(() -> {
            Account account = Account.pendingRecipient(email);
            em.persist(account);
            em.flush();
            return account;
        });
    }

    /**
     * A recipient account registered from the start with {@code passwordHash}, for an account
     * that never receives a link to register by: the warm-up's reader (ADR 0033), at RFC 2606's
     * reserved {@code .invalid} domain.
     */
    public static Account insertRegistered(
            EntityManager em, EmailAddress email, String passwordHash, Instant registeredAt) {
        Account account = Account.pendingRecipient(email);
        account.register(passwordHash, registeredAt);
        em.persist(account);
        em.flush();
        return account;
    }

    // Plain JDBC on the caller's connection, for the intake's store (ADR 0003: it runs inside the
    // intake's own JDBC transaction, measured there) and the outbound worker. Every statement about
    // table account outside JPA is here, so the table keeps one owner. The methods other packages
    // call answer a failed statement with StorageUnavailableException: the SQLException is this
    // owner's detail, not its callers' (issue 10).

    /**
     * The recipient's account id, creating a PENDING account if the address is new. When a
     * concurrent delivery created it first, ON CONFLICT waits for that transaction and does
     * nothing; the follow-up SELECT is a new statement, so it sees the committed row.
     */
    public static long pendingRecipientId(Connection c, EmailAddress address) {
        try {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO account (email, role, state) VALUES (?, 'RECIPIENT', 'PENDING')
                    ON CONFLICT (email) DO NOTHING RETURNING id""")) {
                insert.setString(1, address.value());
                try (ResultSet rs = insert.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            return idOf(c, address)
                    .orElseThrow(() -> new SQLException("account for " + address + " neither inserted nor found"));
        } catch (SQLException e) {
            throw new StorageUnavailableException("the recipient's account cannot be found or created now", e);
        }
    }

    /** A new PENDING administrator account; empty when the address already has an account. */
    public static Optional<Long> insertPendingAdministrator(Connection c, EmailAddress address) {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO account (email, role, state) VALUES (?, 'ADMIN', 'PENDING')
                ON CONFLICT (email) DO NOTHING RETURNING id""")) {
            ps.setString(1, address.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the administrator's account cannot be created now", e);
        }
    }

    static Optional<Long> idOf(Connection c, EmailAddress address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE email = ?")) {
            ps.setString(1, address.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public static boolean isAdministrator(Connection c, EmailAddress address) {
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM account WHERE email = ?")) {
            ps.setString(1, address.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && Role.valueOf(rs.getString(1)) == Role.ADMIN;
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the account's role cannot be read now", e);
        }
    }

    /** What a mail to the account depends on; {@code languageCode} is null until its first sign-in. */
    public record MailProfile(AccountState state, Role role, String languageCode) {}

    /**
     * @throws StorageUnavailableException also when the account is gone: the mail stays queued,
     *     as it did when the composer met the SQLException (deleting an account drops its queue
     *     rows in the same transaction, so a queued mail always has its account)
     */
    public static MailProfile mailProfile(Connection c, long accountId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, role, language FROM account WHERE id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("account " + accountId + " of a queued mail is gone");
                }
                return new MailProfile(
                        AccountState.valueOf(rs.getString(1)), Role.valueOf(rs.getString(2)), rs.getString(3));
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the recipient's account cannot be read now", e);
        }
    }

    /** An account a mail can go to: its id and address. */
    public record Addressee(long accountId, String email) {}

    /** The active administrators, for the portal's own notices to the people who run it. */
    public static List<Addressee> activeAdministrators(Connection c) {
        List<Addressee> admins = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, email FROM account WHERE role = 'ADMIN' AND state = 'ACTIVE' ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                admins.add(new Addressee(rs.getLong(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw new StorageUnavailableException("the administrators cannot be read now", e);
        }
        return admins;
    }

    /**
     * The account's standing for the per-request session check (its state and
     * {@code sessions_valid_after}); empty when the account is gone. A projection, not the
     * entity: the check runs on every request and must not load the account into the
     * persistence context.
     */
    public static Optional<AccountStandings.Standing> sessionStanding(EntityManager em, long accountId) {
        return em.createQuery("SELECT a.state, a.sessionsValidAfter FROM Account a WHERE a.id = :id", Object[].class)
                .setParameter("id", accountId)
                .getResultStream()
                .findFirst()
                .map(row -> new AccountStandings.Standing(
                        row[0] == AccountState.ACTIVE, row[1] == null ? null : ((OffsetDateTime) row[1]).toInstant()));
    }

    /**
     * Remembers the language of the account's last sign-in. One statement, and a row lock only
     * when the language really changes: a sign-in in the language of the last one (nearly every
     * sign-in) writes nothing. The version rises as an entity update's would, so a form holding
     * the account at the old version is still refused.
     */
    public static void rememberLanguage(EntityManager em, long accountId, Language language) {
        em.createQuery("UPDATE Account a SET a.language = :language, a.version = a.version + 1"
                        + " WHERE a.id = :id AND (a.language IS NULL OR a.language <> :language)")
                .setParameter("language", language.code())
                .setParameter("id", accountId)
                .executeUpdate();
    }
}
