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
import java.util.Set;
import org.sealpost.portal.outbound.MailQueued;
import org.sealpost.portal.outbound.QueueEntry;
import org.sealpost.portal.outbound.QueueState;

/** The mail queue page's transactions ({@link MailQueueAdministration}); only administrators. */
@Stateless
@RolesAllowed("ADMIN")
public class MailQueueService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Resource
    private SessionContext caller;

    @Inject
    private Event<MailQueued> mailQueued;

    private MailQueueAdministration queue() {
        return new MailQueueAdministration(em);
    }

    private String actor() {
        return caller.getCallerPrincipal().getName();
    }

    public QueueList list(Set<QueueState> states, int page, int pageSize) {
        return StorageGuard.get(() -> queue().list(states, page, pageSize));
    }

    /** Due now, and the outbound worker is woken after the commit (on this node; others find it on their pass). */
    public QueueEntry retryNow(long id, String client) throws AdministrationRefusedException {
        return StorageGuard.get(() -> {
            QueueEntry entry = queue().retryNow(id, actor(), client, Instant.now());
            mailQueued.fire(new MailQueued(1));
            return entry;
        });
    }

    public QueueEntry giveUp(long id, String client) throws AdministrationRefusedException {
        return StorageGuard.get(() -> queue().giveUp(id, actor(), client, Instant.now()));
    }

    public QueueEntry delete(long id, String client) throws AdministrationRefusedException {
        return StorageGuard.get(() -> queue().delete(id, actor(), client, Instant.now()));
    }
}
