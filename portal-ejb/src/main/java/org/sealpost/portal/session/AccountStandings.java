package org.sealpost.portal.session;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/**
 * The account's side of the per-request session check, read in the caller's transaction. The
 * account package implements it (the owner of table {@code account} answers), so the arrow runs
 * from account to session only: an account opens and ends sessions; a session asks back through
 * this interface.
 */
public interface AccountStandings {

    /** The account's standing, or empty when there is no such account. */
    Optional<Standing> standing(EntityManager em, long accountId);

    /**
     * @param active             only an active account's sessions go on
     * @param sessionsValidAfter the instant before which every session of the account has ended;
     *                           null when nothing has ended them yet
     */
    record Standing(boolean active, Instant sessionsValidAfter) {}
}
