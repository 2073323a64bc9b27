package org.sealpost.portal.compose;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner of table {@code draft}. Every lookup names the account beside the id: another
 * account's draft is not found, exactly like one that does not exist.
 */
final class Drafts {

    private final EntityManager em;

    Drafts(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    Optional<StoredDraft> find(long draftId, long accountId) {
        return em.createQuery(
                        "SELECT d FROM StoredDraft d WHERE d.id = :id AND d.accountId = :account", StoredDraft.class)
                .setParameter("id", draftId)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst();
    }

    /** The draft locked until the transaction ends: uploads and saves of one draft take turns. */
    Optional<StoredDraft> findForChange(long draftId, long accountId) {
        return em.createQuery(
                        "SELECT d FROM StoredDraft d WHERE d.id = :id AND d.accountId = :account", StoredDraft.class)
                .setParameter("id", draftId)
                .setParameter("account", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * Makes uploads to one draft take turns (the limits are checked against what the draft
     * already holds), on the connection the upload's insert uses. FOR NO KEY UPDATE, not FOR
     * UPDATE: the insert's foreign-key check takes a KEY SHARE lock on the draft row, which FOR
     * UPDATE would block if it were held on another connection.
     */
    static void lockForUpload(java.sql.Connection c, long draftId) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps =
                c.prepareStatement("SELECT id FROM draft WHERE id = ? FOR NO KEY UPDATE")) {
            ps.setLong(1, draftId);
            ps.executeQuery().close();
        }
    }

    /** Stores a new draft now, so its id exists for the files that follow in this transaction. */
    void add(StoredDraft draft) {
        em.persist(draft);
        em.flush();
    }

    /** Writes a changed draft now (not at commit), so the statements after it see it. */
    void flush() {
        em.flush();
    }

    List<StoredDraft> page(long accountId, int first, int max) {
        return em.createQuery("""
                SELECT d FROM StoredDraft d WHERE d.accountId = :account ORDER BY d.savedAt DESC, d.id DESC""", StoredDraft.class)
                .setParameter("account", accountId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    long count(long accountId) {
        return em.createQuery("SELECT count(d) FROM StoredDraft d WHERE d.accountId = :account", Long.class)
                .setParameter("account", accountId)
                .getSingleResult();
    }

    /**
     * Deletes the draft, its sealed content and wrapped key; its files go with it (ON DELETE
     * CASCADE), keys included. Gone from the live database at once; unreadable from backups
     * taken before only once the key-encryption key versions that wrapped its keys are retired
     * (ADR 0012).
     */
    void delete(StoredDraft draft) {
        em.remove(draft);
        em.flush();
    }
}
