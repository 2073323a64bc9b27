package org.sealpost.portal.account;

import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The administrators' reads of table {@code account}: search by a part of the address, and
 * counts by state. (Sign-in, registration and intake find accounts by their address through
 * {@link AccountDirectory} and the named query on {@link Account}.)
 */
public final class Accounts {

    private final EntityManager em;

    public Accounts(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * Accounts whose address contains {@code part} (any case; blank: every account), in address
     * order, {@code limit} from {@code offset}. The part is matched literally: {@code %} and
     * {@code _} are not wildcards.
     */
    public List<Account> search(String part, int offset, int limit) {
        return em.createQuery(
                        "SELECT a FROM Account a WHERE a.email LIKE :p ESCAPE '\\' ORDER BY a.email, a.id",
                        Account.class)
                .setParameter("p", pattern(part))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String part) {
        return em.createQuery("SELECT count(a) FROM Account a WHERE a.email LIKE :p ESCAPE '\\'", Long.class)
                .setParameter("p", pattern(part))
                .getSingleResult();
    }

    /** How many accounts are in each state; a state without accounts counts 0. */
    public Map<AccountState, Long> countByState() {
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
}
