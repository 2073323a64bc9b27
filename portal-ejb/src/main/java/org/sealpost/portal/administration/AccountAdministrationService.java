package org.sealpost.portal.administration;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.sealpost.portal.account.AccountMailQueue;
import org.sealpost.portal.message.OpenedMessageCache;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.outbound.MailQueued;

/**
 * The accounts page's transactions ({@link AccountAdministration}); only administrators. The
 * acting administrator is the container's caller.
 */
@Stateless
@RolesAllowed("ADMIN")
public class AccountAdministrationService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Resource
    private SessionContext caller;

    @Inject
    private OpenedMessageCache openedMessages;

    @Inject
    private Event<MailQueued> mailQueued;

    private AccountAdministration accounts() {
        return new AccountAdministration(em);
    }

    private String actor() {
        return caller.getCallerPrincipal().getName();
    }

    public AccountList search(String part, int page, int pageSize) {
        return StorageGuard.get(() -> accounts().search(part, page, pageSize, Instant.now()));
    }

    public void unlock(long accountId, String client) throws AdministrationRefusedException {
        StorageGuard.run(() -> accounts().unlock(accountId, actor(), client, Instant.now()));
    }

    public void disable(long accountId, String client) throws AdministrationRefusedException {
        StorageGuard.run(() -> accounts().disable(accountId, actor(), client, Instant.now()));
    }

    public void enable(long accountId, String client) throws AdministrationRefusedException {
        StorageGuard.run(() -> accounts().enable(accountId, actor(), client, Instant.now()));
    }

    /** Queues the link mail; the outbound worker is woken after the commit. */
    public AccountMailQueue.LinkRequest sendLink(long accountId, String client) throws AdministrationRefusedException {
        return StorageGuard.get(() -> {
            AccountMailQueue.LinkRequest outcome = accounts().sendLink(accountId, actor(), client, Instant.now());
            if (outcome == AccountMailQueue.LinkRequest.QUEUED) {
                mailQueued.fire(new MailQueued(1));
            }
            return outcome;
        });
    }

    public void endAllSessions(long accountId, String client) throws AdministrationRefusedException {
        StorageGuard.run(() -> accounts().endAllSessions(accountId, actor(), client, Instant.now()));
    }

    /** @return how many mailbox entries went with the account */
    public int delete(long accountId, String typedAddress, String client) throws AdministrationRefusedException {
        return StorageGuard.get(() -> {
            var shredded = accounts().delete(accountId, typedAddress, actor(), client, Instant.now());
            // Their decrypted copies leave this node's memory too (other nodes' copies are never
            // served: every read finds the entry in the database first).
            for (StoredMessages.Shredded s : shredded) {
                openedMessages.forget(s.entryId(), accountId);
            }
            return shredded.size();
        });
    }
}
