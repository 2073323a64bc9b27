package org.sealpost.portal.notification;

import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.NotificationTemplate;
import org.sealpost.portal.notification.template.RenderedNotification;
import org.sealpost.portal.notification.template.SampleValues;
import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.Branding;

/**
 * The template editor's work in the caller's transaction: list, preview, save, restore the
 * default; every change is an audit event with old → new ("send me a test" is the outbound
 * queue's: {@code outbound.TemplateTestMail}). Plain Java over an
 * entity manager (tests run it on PostgreSQL without Payara).
 */
public final class TemplateDesk {

    public static final String TARGET = "mail_template";

    private final EntityManager em;
    private final MailTemplates templates;

    public TemplateDesk(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
        this.templates = new MailTemplates(em);
    }

    public List<TemplateEdit> all(Language language) {
        return templates.all(language);
    }

    public TemplateEdit edit(TemplateKind kind, Language language) {
        return templates.edit(kind, language);
    }

    /**
     * What the mail would look like with sample values, for the editor's preview; checks exactly
     * as a save does and saves nothing.
     *
     * @throws TemplateException naming the part and line of the first problem
     */
    public static RenderedNotification preview(
            TemplateKind kind,
            Language language,
            String subject,
            String textBody,
            String htmlBody,
            Branding branding,
            URI portal,
            EmailAddress recipient)
            throws TemplateException {
        NotificationTemplate template = NotificationTemplate.parse(kind, subject, textBody, htmlBody);
        return new PortalMails((k, l) -> template, branding, language)
                .render(kind, language, SampleValues.builder(portal, recipient, language));
    }

    /**
     * Saves an administrator's template after the engine's checks.
     *
     * @param edit what the form holds; its version is the one the form was loaded with, null when
     *             it showed the default
     * @throws TemplateException naming the part and line of the first problem; nothing saved
     * @throws org.sealpost.portal.settings.SettingsChangedMeanwhileException someone saved it meanwhile
     */
    public void save(String actor, String clientAddress, TemplateEdit edit, Instant now) throws TemplateException {
        NotificationTemplate template =
                NotificationTemplate.parse(edit.kind(), edit.subject().strip(), edit.textBody(), edit.htmlBody());
        List<String> changes = templates.save(template, edit.language(), edit.version(), now);
        if (!changes.isEmpty()) {
            recordChange(actor, clientAddress, edit.kind(), edit.language(), String.join("; ", changes), now);
        }
    }

    /**
     * @throws org.sealpost.portal.settings.SettingsChangedMeanwhileException someone saved it meanwhile
     */
    public void restoreDefault(
            String actor,
            String clientAddress,
            TemplateKind kind,
            Language language,
            Integer expectedVersion,
            Instant now) {
        TemplateEdit before = templates.edit(kind, language);
        if (templates.restoreDefault(kind, language, expectedVersion)) {
            TemplateEdit after = templates.edit(kind, language);
            String changes = String.join("; ", TemplateChanges.between(before, parsed(after)));
            recordChange(actor, clientAddress, kind, language, "restored the default: " + changes, now);
        }
    }

    private void recordChange(
            String actor, String clientAddress, TemplateKind kind, Language language, String detail, Instant now) {
        AuditTrail.on(em)
                .record(
                        actor,
                        AuditAction.MAIL_TEMPLATE_CHANGED,
                        TARGET,
                        target(kind, language),
                        clientAddress,
                        detail,
                        now);
    }

    /**
     * The audit target of a template: its kind as before V18 for English, so that an English
     * template's history reads on unbroken, and kind/code for another language.
     */
    public static String target(TemplateKind kind, Language language) {
        return language == Language.ENGLISH ? kind.name() : kind.name() + "/" + language.code();
    }

    private static NotificationTemplate parsed(TemplateEdit edit) {
        try {
            return NotificationTemplate.parse(edit.kind(), edit.subject(), edit.textBody(), edit.htmlBody());
        } catch (TemplateException e) {
            throw new IllegalStateException("a default template is invalid", e);
        }
    }
}
