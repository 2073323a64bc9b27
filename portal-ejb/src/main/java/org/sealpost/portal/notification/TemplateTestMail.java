package org.sealpost.portal.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.time.Instant;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.outbound.MailQueued;
import org.sealpost.portal.outbound.OutboundQueue;

/**
 * An administrator's "send me a test" of a mail template: a queue row to their own address,
 * rendered with sample values when it is sent, through the same queue and smarthost as every
 * mail, so the test shows what recipients' mail clients will show.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class TemplateTestMail {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private Event<MailQueued> queued;

    public void send(
            String actor, String clientAddress, long accountId, String address, TemplateKind kind, Language language) {
        Instant now = Instant.now();
        OutboundQueue.queueTemplateTest(em.unwrap(Connection.class), address, accountId, kind.name(), language, now);
        AuditTrail.on(em)
                .record(
                        actor,
                        AuditAction.MAIL_TEMPLATE_TEST_SENT,
                        TemplateDesk.TARGET,
                        TemplateDesk.target(kind, language),
                        clientAddress,
                        "test to " + address,
                        now);
        queued.fire(new MailQueued(1));
    }
}
