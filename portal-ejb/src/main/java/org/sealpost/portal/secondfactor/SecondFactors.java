package org.sealpost.portal.secondfactor;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The owner of the tables {@code second_factor} and {@code recovery_code}: every statement
 * about them is here. Works on the caller's entity manager and transaction.
 */
public final class SecondFactors {

    private final EntityManager em;

    public SecondFactors(EntityManager em) {
        this.em = em;
    }

    /** The account's authenticator, confirmed or not. */
    public Optional<SecondFactor> of(long accountId) {
        return Optional.ofNullable(em.find(SecondFactor.class, accountId));
    }

    /** Whether the account signs in with a confirmed authenticator. */
    public boolean confirmedFor(long accountId) {
        return of(accountId).map(SecondFactor::confirmed).orElse(false);
    }

    /** The row, locked for the rest of the transaction (enrolment and its confirmation). */
    Optional<SecondFactor> lockedOf(long accountId) {
        return Optional.ofNullable(em.find(SecondFactor.class, accountId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A new enrolment in place of an unconfirmed earlier one. */
    void replacePending(SecondFactor pending) {
        em.createQuery("DELETE FROM SecondFactor f WHERE f.accountId = :a AND f.confirmedAt IS NULL")
                .setParameter("a", pending.accountId())
                .executeUpdate();
        em.persist(pending);
        em.flush();
    }

    /**
     * Claims time step {@code step} for the account's authenticator: true only if it is later
     * than every step used before. One conditional UPDATE: of two nodes accepting the same code
     * at the same moment, the second waits for the first's row lock, re-reads the row (READ
     * COMMITTED re-checks the WHERE clause on the updated row) and changes nothing.
     */
    boolean claimStep(long accountId, long step) {
        return em.createNativeQuery("""
                UPDATE second_factor SET last_used_step = ?, version = version + 1
                WHERE account_id = ? AND (last_used_step IS NULL OR last_used_step < ?)""")
                        .setParameter(1, step)
                        .setParameter(2, accountId)
                        .setParameter(3, step)
                        .executeUpdate()
                == 1;
    }

    void confirm(long accountId, Instant now) {
        em.createNativeQuery("UPDATE second_factor SET confirmed_at = ?, version = version + 1 WHERE account_id = ?")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, accountId)
                .executeUpdate();
    }

    /** Turns the second factor off: the authenticator and every recovery code go. */
    void remove(long accountId) {
        em.createNativeQuery("DELETE FROM recovery_code WHERE account_id = ?")
                .setParameter(1, accountId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM second_factor WHERE account_id = ?")
                .setParameter(1, accountId)
                .executeUpdate();
    }

    /** A new set of recovery codes (their hashes) replaces every earlier one, used or not. */
    void replaceRecoveryCodes(long accountId, List<byte[]> hashes, Instant now) {
        em.createNativeQuery("DELETE FROM recovery_code WHERE account_id = ?")
                .setParameter(1, accountId)
                .executeUpdate();
        for (byte[] hash : hashes) {
            em.createNativeQuery("INSERT INTO recovery_code (account_id, code_hash, created_at) VALUES (?, ?, ?)")
                    .setParameter(1, accountId)
                    .setParameter(2, hash)
                    .setParameter(3, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
    }

    /**
     * Spends the recovery code with this hash: true if it existed unspent, and from now on it
     * is spent. Conditional, like {@link #claimStep}, so one code signs in once however many
     * requests race with it.
     */
    boolean spendRecoveryCode(long accountId, byte[] hash, Instant now) {
        return em.createNativeQuery("""
                UPDATE recovery_code SET used_at = ?
                WHERE account_id = ? AND code_hash = ? AND used_at IS NULL""")
                        .setParameter(1, now.atOffset(ZoneOffset.UTC))
                        .setParameter(2, accountId)
                        .setParameter(3, hash)
                        .executeUpdate()
                == 1;
    }

    /** How many of the account's recovery codes are still unspent. */
    public int recoveryCodesLeft(long accountId) {
        Number n = (Number)
                em.createNativeQuery("SELECT count(*) FROM recovery_code WHERE account_id = ? AND used_at IS NULL")
                        .setParameter(1, accountId)
                        .getSingleResult();
        return n.intValue();
    }
}
