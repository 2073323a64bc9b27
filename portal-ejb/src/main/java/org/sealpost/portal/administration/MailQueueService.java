package org.sealpost.portal.administration;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Set;
import org.sealpost.portal.outbound.MailQueued;
import org.sealpost.portal.outbound.QueueEntry;
import org.sealpost.portal.outbound.QueueState;
import org.sealpost.portal.platform.StorageUnavailableException;

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
        try {
            return queue().list(states, page, pageSize);
        } catch (StorageUnavailableException | PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }

    /** Due now, and the outbound worker is woken after the commit (on this node; others find it on their pass). */
    public QueueEntry retryNow(long id, String client) throws AdministrationRefusedException {
        try {
            QueueEntry entry = queue().retryNow(id, actor(), client, Instant.now());
            mailQueued.fire(new MailQueued(1));
            return entry;
        } catch (StorageUnavailableException | PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }

    public QueueEntry giveUp(long id, String client) throws AdministrationRefusedException {
        try {
            return queue().giveUp(id, actor(), client, Instant.now());
        } catch (StorageUnavailableException | PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }

    public QueueEntry delete(long id, String client) throws AdministrationRefusedException {
        try {
            return queue().delete(id, actor(), client, Instant.now());
        } catch (StorageUnavailableException | PersistenceException e) {
            throw new AdministrationUnavailableException(e);
        }
    }
}
