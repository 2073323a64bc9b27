package org.sealpost.portal.notification;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.DefaultTemplates;
import org.sealpost.portal.notification.template.NotificationTemplate;
import org.sealpost.portal.notification.template.NotificationValues;
import org.sealpost.portal.notification.template.RenderedNotification;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.Branding;
import org.sealpost.portal.settings.LogoImage;

/**
 * Renders every mail the portal writes through the one template engine, with the templates in
 * force (the administrator's, else the defaults) in the recipient's language and the
 * organisation's branding: its name and accent colour in every mail, and whether a
 * notification may show the original subject. The caller fills in what only it knows
 * (recipient, sender, links); branding and language always win over it.
 */
public final class PortalMails {

    private final BiFunction<TemplateKind, Language, NotificationTemplate> templates;
    private final Branding branding;
    private final Language defaultLanguage;
    private final LogoImage logo;

    /**
     * @param defaultLanguage the organisation's default: the language of mails to an account
     *                        whose language is not known yet (nobody has signed in to it)
     */
    public PortalMails(
            BiFunction<TemplateKind, Language, NotificationTemplate> templates,
            Branding branding,
            Language defaultLanguage) {
        this(templates, branding, defaultLanguage, null);
    }

    private PortalMails(
            BiFunction<TemplateKind, Language, NotificationTemplate> templates,
            Branding branding,
            Language defaultLanguage,
            LogoImage logo) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.branding = Objects.requireNonNull(branding, "branding");
        this.defaultLanguage = Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        this.logo = logo;
    }

    /** The same, with the organisation's logo for the mails' HTML. */
    public PortalMails withLogo(LogoImage logo) {
        return new PortalMails(templates, branding, defaultLanguage, Objects.requireNonNull(logo, "logo"));
    }

    /** The organisation's logo, when it has one. */
    public Optional<LogoImage> logo() {
        return Optional.ofNullable(logo);
    }

    /** The templates and branding of the database, read in the caller's transaction. */
    public static PortalMails of(MailTemplates templates, Branding branding, Language defaultLanguage) {
        return new PortalMails(templates::template, branding, defaultLanguage);
    }

    /** The built-in templates under {@code branding}: for tools that run without the database. */
    public static PortalMails builtIn(Branding branding, Language defaultLanguage) {
        return new PortalMails(DefaultTemplates::of, branding, defaultLanguage);
    }

    public Branding branding() {
        return branding;
    }

    /**
     * The language of a mail to an account: its own (that of its last sign-in), else the
     * organisation's default.
     */
    public Language languageFor(Optional<Language> accountLanguage) {
        return accountLanguage.orElse(defaultLanguage);
    }

    /**
     * The mail of {@code kind} in {@code language}: that language's template, and dates
     * formatted for it.
     *
     * @throws IllegalArgumentException when {@code values} lacks what {@code kind} needs (its link)
     */
    public RenderedNotification render(TemplateKind kind, Language language, NotificationValues.Builder values) {
        values.organisationName(branding.organisationName())
                .accentColour(branding.accentColour().hex())
                .originalSubjectAllowed(branding.showOriginalSubject())
                .language(language);
        return templates.apply(kind, language).render(values.build());
    }
}
