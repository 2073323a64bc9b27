package org.sealpost.portal.notification;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.sealpost.portal.notification.template.DefaultTemplates;
import org.sealpost.portal.notification.template.NotificationTemplate;
import org.sealpost.portal.notification.template.NotificationValues;
import org.sealpost.portal.notification.template.RenderedNotification;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.Branding;
import org.sealpost.portal.settings.LogoImage;

/**
 * Renders every mail the portal writes through the one template engine, with the templates in
 * force (the administrator's, else the defaults) and the organisation's branding: its name and
 * accent colour in every mail, and whether a notification may show the original subject. The
 * caller fills in what only it knows (recipient, sender, links); branding always wins over it.
 */
public final class PortalMails {

    private final Function<TemplateKind, NotificationTemplate> templates;
    private final Branding branding;
    private final LogoImage logo;

    public PortalMails(Function<TemplateKind, NotificationTemplate> templates, Branding branding) {
        this(templates, branding, null);
    }

    private PortalMails(Function<TemplateKind, NotificationTemplate> templates, Branding branding, LogoImage logo) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.branding = Objects.requireNonNull(branding, "branding");
        this.logo = logo;
    }

    /** The same, with the organisation's logo for the mails' HTML. */
    public PortalMails withLogo(LogoImage logo) {
        return new PortalMails(templates, branding, Objects.requireNonNull(logo, "logo"));
    }

    /** The organisation's logo, when it has one. */
    public Optional<LogoImage> logo() {
        return Optional.ofNullable(logo);
    }

    /** The templates and branding of the database, read in the caller's transaction. */
    public static PortalMails of(MailTemplates templates, Branding branding) {
        return new PortalMails(templates::template, branding);
    }

    /** The built-in templates under {@code branding}: for tools that run without the database. */
    public static PortalMails builtIn(Branding branding) {
        return new PortalMails(DefaultTemplates::of, branding);
    }

    public Branding branding() {
        return branding;
    }

    /**
     * @throws IllegalArgumentException when {@code values} lacks what {@code kind} needs (its link)
     */
    public RenderedNotification render(TemplateKind kind, NotificationValues.Builder values) {
        values.organisationName(branding.organisationName())
                .accentColour(branding.accentColour().hex())
                .originalSubjectAllowed(branding.showOriginalSubject());
        return templates.apply(kind).render(values.build());
    }
}
