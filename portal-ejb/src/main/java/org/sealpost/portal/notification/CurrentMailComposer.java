package org.sealpost.portal.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.outbound.MailComposer;
import org.sealpost.portal.outbound.QueuedMail;
import org.sealpost.portal.settings.RuntimeSettings;
import org.sealpost.portal.settings.RuntimeSettingsSeed;
import org.sealpost.portal.settings.SettingsDesk;

/**
 * The composer the outbound worker delivers with: {@link NotificationComposer} with the
 * templates, branding and logo in force, read in the delivery's own transaction (like the
 * portal policy), so an administrator's change applies to the next mail on every node.
 *
 * <p>A CDI bean, not an EJB: a mail that cannot be written (a broken template, say) is deferred
 * by the delivery with its reason, and an EJB's runtime exception would instead have marked
 * the delivery's transaction for rollback, losing that record.
 */
@ApplicationScoped
public class CurrentMailComposer implements MailComposer {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalSettings portalSettings;

    @Inject
    private NotificationComposer composer;

    @Override
    public MimeMessage compose(
            EntityManager delivery, Session session, String recipient, List<QueuedMail> rows, Instant now)
            throws MessagingException {
        return composer.compose(delivery, session, recipient, rows, now, mailsInForce());
    }

    private PortalMails mailsInForce() {
        SettingsDesk desk = new SettingsDesk(em, () -> RuntimeSettingsSeed.fromSettings(portalSettings::get));
        RuntimeSettings runtime = desk.current();
        PortalMails mails = PortalMails.of(new MailTemplates(em), runtime.branding(), runtime.defaultLanguage());
        if (runtime.logo().isPresent()) {
            mails = desk.logo().map(mails::withLogo).orElse(mails);
        }
        return mails;
    }
}
