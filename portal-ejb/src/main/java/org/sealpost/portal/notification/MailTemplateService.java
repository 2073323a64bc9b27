package org.sealpost.portal.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.Branding;
import org.sealpost.portal.settings.RuntimeSettingsService;

/** The template editor in Payara: each call one transaction around {@link TemplateDesk}. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class MailTemplateService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private PortalSettings settings;

    @Inject
    private RuntimeSettingsService runtimeSettings;

    public List<TemplateEdit> all(Language language) {
        return new TemplateDesk(em).all(language);
    }

    public TemplateEdit edit(TemplateKind kind, Language language) {
        return new TemplateDesk(em).edit(kind, language);
    }

    /**
     * The editor's preview, its HTML already sanitised: the page shows what this returns as it is.
     *
     * @throws TemplateException naming the part and line of the first problem
     */
    public TemplatePreview preview(
            TemplateKind kind,
            Language language,
            String subject,
            String textBody,
            String htmlBody,
            String administratorAddress)
            throws TemplateException {
        Branding branding = runtimeSettings.current().branding();
        return TemplatePreview.of(TemplateDesk.preview(
                kind,
                language,
                subject,
                textBody,
                htmlBody,
                branding,
                portal(),
                EmailAddress.of(administratorAddress)));
    }

    /**
     * @param edit what the form holds, with the version it was loaded with
     * @throws TemplateException naming the part and line of the first problem; nothing saved
     */
    public void save(String actor, String clientAddress, TemplateEdit edit) throws TemplateException {
        new TemplateDesk(em).save(actor, clientAddress, edit, Instant.now());
    }

    public void restoreDefault(
            String actor, String clientAddress, TemplateKind kind, Language language, Integer expectedVersion) {
        new TemplateDesk(em).restoreDefault(actor, clientAddress, kind, language, expectedVersion, Instant.now());
    }

    private URI portal() {
        return URI.create(settings.publicUrl().replaceAll("/+$", "") + "/");
    }
}
