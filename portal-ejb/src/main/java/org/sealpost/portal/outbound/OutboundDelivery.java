package org.sealpost.portal.outbound;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.settings.DeliveryRetries;
import org.sealpost.portal.settings.RuntimeSettings;
import org.sealpost.portal.settings.RuntimeSettingsSeed;
import org.sealpost.portal.settings.SettingsDesk;

/**
 * Delivers the due mail of one recipient per transaction ({@link OutboundDesk}): claim, send,
 * record. The claimed rows stay locked while their mail is sent, so a second node skips them; a
 * node that dies mid-delivery leaves them QUEUED for the next pass (at-least-once, never lost).
 *
 * <p>One recipient, not one pass, per transaction: a notification's registration link is a
 * token minted in the same transaction, and it must be committed by the time anyone can click
 * it. When a transaction covered a whole pass, the first recipient's link stayed uncommitted
 * while the mail of up to 49 others was sent, and a quick click found "this link cannot be
 * used". One recipient's failure now rolls back nobody else's either. The SMTP session, on the
 * other hand, is the pass's ({@link SmarthostConnection}): a mail has left, and its
 * transaction commits, before the next recipient's is begun on the same session.
 */
@Stateless
public class OutboundDelivery {

    @Inject
    private OutboundSettings settings;

    /** Package notification's, with the templates and branding in force (CurrentMailComposer). */
    @Inject
    private MailComposer composer;

    @Inject
    private MessageSealer sealer;

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalSettings portalSettings;

    public OutboundDelivery() {
        // for the container
    }

    /**
     * Outside the container (tests on PostgreSQL): {@code em} in a transaction of its own, as
     * the container begins one per call. The claim runs on its connection.
     */
    OutboundDelivery(
            OutboundSettings settings,
            MailComposer composer,
            MessageSealer sealer,
            EntityManager em,
            PortalSettings portalSettings) {
        this.settings = settings;
        this.composer = composer;
        this.sealer = sealer;
        this.em = em;
        this.portalSettings = portalSettings;
    }

    /**
     * @return false when nothing was due
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean deliverNext(SmarthostConnection smtp) {
        // Read in this delivery's transaction, like the portal policy: an administrator's change
        // of the retry times applies to the next mail on every node (and the composer reads the
        // templates and branding the same way).
        RuntimeSettings runtime =
                new SettingsDesk(em, () -> RuntimeSettingsSeed.fromSettings(portalSettings::get)).current();
        DeliveryRetries retries = runtime.deliveryRetries();
        return new OutboundDesk(
                        composer,
                        sealer,
                        new RetrySchedule(retries.interval(), retries.maxAge()),
                        settings.quietPeriod())
                .deliverNext(em, smtp, Instant.now());
    }
}
