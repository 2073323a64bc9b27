package org.sealpost.portal.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * One-time links (registration, password reset): 256 random bits, handed out once in a link
 * and stored only as their SHA-256 hash, so neither a database dump nor a log of the table
 * yields a working link. A plain hash suffices (no salt, no Argon2): the token has 256 bits of
 * entropy, so there is nothing to guess; the hash only stops a reader of the table from using it.
 *
 * <p>Minting and the look-ups by hash are SQL (a row inserted, a row by key: measured faster
 * than JPA, ADR 0003); spending, the newest id and retiring are JPQL on {@link OneTimeToken},
 * in the caller's entity manager's transaction. The methods the mail packages call (mint, mark,
 * supersede) answer a failed statement with {@link StorageUnavailableException}; redeeming and
 * revoking are this package's own.
 */
public final class OneTimeTokens {

    /** What a token may be used for; one purpose's token never works for the other. */
    public enum Purpose {
        REGISTER,
        RESET_PASSWORD
    }

    /** A token found unspent and unexpired, not yet spent. */
    public record Redeemable(long tokenId, long accountId) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeTokens() {}

    /**
     * Creates a token for the account and returns its text, which only the link will carry.
     * The earlier ones of its purpose stop working once the mail carrying it has gone out
     * ({@link #supersede}), not before: a mail deferred by a smarthost outage must not kill the
     * link the recipient already has.
     */
    public static String mint(Connection c, long accountId, Purpose purpose, Duration validity, Instant now) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO one_time_token (account_id, purpose, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")) {
            ps.setLong(1, accountId);
            ps.setString(2, purpose.name());
            ps.setBytes(3, hash(token));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now.plus(validity)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageUnavailableException("the link cannot be created now", e);
        }
        return token;
    }

    /**
     * Looks a token up without spending it: opening a link only shows its form, since mail
     * scanners and link previews open links too.
     */
    static Optional<Redeemable> peek(Connection c, String token, Purpose purpose, Instant now) throws SQLException {
        return find(c, token, purpose, now, false);
    }

    /**
     * Spends a token: locks its row, checks it once more, marks it used. Returns empty if it
     * was spent meanwhile (a second submit of the same form), expired, or never existed.
     */
    static Optional<Redeemable> spend(EntityManager em, String token, Purpose purpose, Instant now) {
        Optional<Redeemable> found;
        try {
            // The look-up by hash is SQL (measured, ADR 0003) and takes the row lock; the
            // update runs on the same connection, in em's transaction.
            found = find(em.unwrap(Connection.class), token, purpose, now, true);
        } catch (SQLException e) {
            throw new StorageUnavailableException("the link cannot be checked now", e);
        }
        try {
            found.ifPresent(r -> em.createQuery("UPDATE OneTimeToken t SET t.usedAt = :now WHERE t.id = :id")
                    .setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .setParameter("id", r.tokenId())
                    .executeUpdate());
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the link cannot be spent now", e);
        }
        return found;
    }

    /**
     * The id of the account's newest token, 0 if it has none: the mark {@link #supersede}
     * counts from. JPQL (ADR 0003: an aggregate, measured no slower).
     *
     * @throws StorageUnavailableException the database cannot be read
     */
    public static long newestId(EntityManager em, long accountId) {
        try {
            return em.createQuery(
                            "SELECT coalesce(max(t.id), 0) FROM OneTimeToken t WHERE t.accountId = :account",
                            Long.class)
                    .setParameter("account", accountId)
                    .getSingleResult();
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the account's links cannot be read now", e);
        }
    }

    /**
     * A mail just went out carrying the tokens minted after {@code mark} ({@link #newestId}
     * before it was written): every older open token of their purposes stops working. Only the
     * newest mail's link opens the account, so a notification someone else read weeks ago is
     * worth nothing once a newer one went out (OWASP ASVS 4.0 V2.5: one valid recovery secret
     * at a time). Tokens minted for mails that then failed to go out were never seen by anyone
     * and go with the next successful one; a mail that minted nothing retires nothing.
     *
     * @return how many tokens stopped working
     */
    public static int supersede(EntityManager em, long accountId, long mark, Instant now) {
        try {
            return em.createQuery("""
                            UPDATE OneTimeToken t SET t.revokedAt = :now
                            WHERE t.accountId = :account AND t.id <= :mark AND t.usedAt IS NULL AND t.revokedAt IS NULL
                              AND t.purpose IN (SELECT n.purpose FROM OneTimeToken n
                                                WHERE n.accountId = :account AND n.id > :mark)""")
                    .setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .setParameter("account", accountId)
                    .setParameter("mark", mark)
                    .executeUpdate();
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the account's older links cannot be retired now", e);
        }
    }

    /**
     * Every open token of the account, of every purpose, stops working: the password was just
     * set, changed or reset, and no link minted before that may set it again.
     */
    static int revokeAll(EntityManager em, long accountId, Instant now) {
        try {
            return em.createQuery("""
                            UPDATE OneTimeToken t SET t.revokedAt = :now
                            WHERE t.accountId = :account AND t.usedAt IS NULL AND t.revokedAt IS NULL""")
                    .setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .setParameter("account", accountId)
                    .executeUpdate();
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the account's links cannot be revoked now", e);
        }
    }

    private static Optional<Redeemable> find(Connection c, String token, Purpose purpose, Instant now, boolean lock)
            throws SQLException {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, account_id FROM one_time_token
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?""" + (lock ? " FOR UPDATE" : ""))) {
            ps.setBytes(1, hash(token));
            ps.setString(2, purpose.name());
            ps.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Redeemable(rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
