package org.sealpost.portal.account;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Finds and opens accounts by address. */
@Stateless
public class AccountDirectory {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    public Optional<Account> find(EmailAddress email) {
        return em.createNamedQuery("Account.byEmail", Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst();
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
}
