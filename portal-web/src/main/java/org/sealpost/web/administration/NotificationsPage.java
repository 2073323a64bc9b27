package org.sealpost.web.administration;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.MailTemplateService;
import org.sealpost.portal.notification.TemplateEdit;
import org.sealpost.portal.notification.TemplatePreview;
import org.sealpost.portal.notification.TemplateTestMail;
import org.sealpost.portal.notification.template.Placeholder;
import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.AccentColour;
import org.sealpost.portal.settings.Branding;
import org.sealpost.portal.settings.LogoCheck;
import org.sealpost.portal.settings.LogoImage;
import org.sealpost.portal.settings.RuntimeSettingsService;
import org.sealpost.portal.settings.RuntimeSettingsView;
import org.sealpost.portal.settings.SettingsChangedMeanwhileException;
import org.sealpost.portal.settings.SettingsProblem;
import org.sealpost.portal.settings.SettingsRefusedException;
import org.sealpost.web.mailbox.Texts;
import org.sealpost.web.security.SignedInSession;

/**
 * admin/notifications.xhtml: the mails the portal sends (choose one and its language, edit subject, text and HTML
 * with the placeholder list and a live preview, save, send a test to oneself, restore the
 * default), the organisation's default language of mails, and the branding (organisation name,
 * accent colour, logo, original subject in notifications). The versions loaded with the page are what a save names, so a save over
 * someone else's newer change is refused.
 */
@Named
@ViewScoped
public class NotificationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailTemplateService templates;

    @Inject
    private RuntimeSettingsService settings;

    @Inject
    private TemplateTestMail testMail;

    @Inject
    private SignedInSession session;

    private TemplateKind kind = TemplateKind.NEW_MESSAGE;
    private Language language = Language.ENGLISH;
    private String subject;
    private String textBody;
    private String htmlBody;
    private Integer templateVersion;
    private boolean templateIsDefault;

    private String previewSubject;
    private String previewText;
    private String previewHtml;
    private String previewProblem;

    private String organisationName;
    private String accentColour;
    private boolean showOriginalSubject;
    private Language defaultLanguage;
    private int settingsVersion;
    private String logoPath;
    private transient Part logoUpload;

    @PostConstruct
    void load() {
        String asked = AdminForms.request().getParameter("kind");
        if (asked != null) {
            kind = Arrays.stream(TemplateKind.values())
                    .filter(k -> k.name().equals(asked))
                    .findFirst()
                    .orElse(kind);
        }
        language =
                Language.ofCode(AdminForms.request().getParameter("language")).orElse(language);
        loadTemplate();
        loadBranding();
    }

    private void loadTemplate() {
        TemplateEdit edit = templates.edit(kind, language);
        subject = edit.subject();
        textBody = edit.textBody();
        htmlBody = edit.htmlBody();
        templateVersion = edit.version();
        templateIsDefault = edit.isDefault();
        preview();
    }

    private void loadBranding() {
        RuntimeSettingsView current = settings.current();
        organisationName = current.branding().organisationName();
        accentColour = current.branding().accentColour().hex();
        showOriginalSubject = current.branding().showOriginalSubject();
        defaultLanguage = current.defaultLanguage();
        settingsVersion = current.version();
        logoPath = current.logo()
                .map(l -> "/branding/logo?v=" + l.sha256().substring(0, 16))
                .orElse(null);
    }

    /** Renders what is in the editor with sample values; saves nothing. */
    public void preview() {
        try {
            TemplatePreview shown = templates.preview(kind, language, subject, textBody, htmlBody, session.email());
            previewSubject = shown.subject();
            previewText = shown.text();
            // Shown in a frame with an empty sandbox (no script, no form, no same origin).
            previewHtml = shown.safeHtml();
            previewProblem = null;
        } catch (TemplateException e) {
            previewProblem = refusal(e);
        }
    }

    public void save() {
        AdminForms.requireAdministrator();
        try {
            templates.save(
                    session.email(),
                    AdminForms.client(),
                    new TemplateEdit(kind, language, subject, textBody, htmlBody, templateVersion));
            AdminForms.saved("settings.template.saved", label(kind));
            loadTemplate();
        } catch (TemplateException e) {
            AdminForms.error(refusal(e));
        } catch (SettingsChangedMeanwhileException e) {
            AdminForms.stale();
        }
    }

    public void restoreDefault() {
        AdminForms.requireAdministrator();
        try {
            templates.restoreDefault(session.email(), AdminForms.client(), kind, language, templateVersion);
            AdminForms.saved("settings.template.restored", label(kind));
            loadTemplate();
        } catch (SettingsChangedMeanwhileException e) {
            AdminForms.stale();
        }
    }

    public void sendTest() {
        AdminForms.requireAdministrator();
        testMail.send(session.email(), AdminForms.client(), session.accountId(), session.email(), kind, language);
        AdminForms.saved("settings.template.testQueued", label(kind), session.email());
    }

    public void saveBranding() {
        AdminForms.requireAdministrator();
        try {
            settings.changeBranding(
                    session.email(),
                    AdminForms.client(),
                    settingsVersion,
                    new Branding(organisationName, AccentColour.of(accentColour), showOriginalSubject));
            AdminForms.saved("settings.branding.saved");
            loadBranding();
            preview();
        } catch (SettingsRefusedException e) {
            AdminForms.refused(e);
        } catch (SettingsChangedMeanwhileException e) {
            AdminForms.stale();
        }
    }

    public void saveDefaultLanguage() {
        AdminForms.requireAdministrator();
        try {
            settings.changeDefaultLanguage(session.email(), AdminForms.client(), settingsVersion, defaultLanguage);
            AdminForms.saved("settings.language.saved");
            loadBranding();
        } catch (SettingsChangedMeanwhileException e) {
            AdminForms.stale();
        }
    }

    public void uploadLogo() throws IOException {
        AdminForms.requireAdministrator();
        if (logoUpload == null || logoUpload.getSize() == 0) {
            AdminForms.refused(new SettingsRefusedException(SettingsProblem.LOGO_NOT_AN_IMAGE, ""));
            return;
        }
        try (InputStream in = logoUpload.getInputStream()) {
            // One byte more than allowed tells "too large" without reading a huge upload whole.
            byte[] bytes = in.readNBytes(LogoCheck.MAX_BYTES + 1);
            LogoImage logo = LogoCheck.check(bytes);
            settings.replaceLogo(session.email(), AdminForms.client(), settingsVersion, logo);
            AdminForms.saved("settings.logo.saved");
            loadBranding();
        } catch (SettingsRefusedException e) {
            AdminForms.refused(e);
        } catch (SettingsChangedMeanwhileException e) {
            AdminForms.stale();
        } finally {
            logoUpload.delete();
        }
    }

    public void removeLogo() {
        AdminForms.requireAdministrator();
        try {
            settings.replaceLogo(session.email(), AdminForms.client(), settingsVersion, null);
            AdminForms.saved("settings.logo.removed");
            loadBranding();
        } catch (SettingsChangedMeanwhileException e) {
            AdminForms.stale();
        }
    }

    private static String refusal(TemplateException e) {
        return new TemplateRefusalTexts(Texts.viewer()).line(e);
    }

    static String label(TemplateKind kind) {
        return Texts.get("settings.template.kind." + kind.name());
    }

    public List<TemplateKind> getKinds() {
        return List.of(TemplateKind.values());
    }

    public String kindLabel(TemplateKind k) {
        return label(k);
    }

    public List<Language> getLanguages() {
        return List.of(Language.values());
    }

    public String languageLabel(Language l) {
        return Texts.get("language." + l.name());
    }

    public Language getLanguage() {
        return language;
    }

    public Language getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(Language defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /** The placeholders the chosen mail may use, each with what it stands for. */
    public List<Placeholder> getPlaceholders() {
        return List.copyOf(kind.placeholders());
    }

    public String placeholderText(Placeholder placeholder) {
        return Texts.get("settings.placeholder." + placeholder.key());
    }

    public TemplateKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public void setTextBody(String textBody) {
        this.textBody = textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public void setHtmlBody(String htmlBody) {
        this.htmlBody = htmlBody;
    }

    public boolean isTemplateIsDefault() {
        return templateIsDefault;
    }

    public String getPreviewSubject() {
        return previewSubject;
    }

    public String getPreviewText() {
        return previewText;
    }

    public String getPreviewHtml() {
        return previewHtml;
    }

    public String getPreviewProblem() {
        return previewProblem;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public String getAccentColour() {
        return accentColour;
    }

    public void setAccentColour(String accentColour) {
        this.accentColour = accentColour;
    }

    public boolean isShowOriginalSubject() {
        return showOriginalSubject;
    }

    public void setShowOriginalSubject(boolean showOriginalSubject) {
        this.showOriginalSubject = showOriginalSubject;
    }

    public String getLogoPath() {
        return logoPath;
    }

    public Part getLogoUpload() {
        return logoUpload;
    }

    public void setLogoUpload(Part logoUpload) {
        this.logoUpload = logoUpload;
    }
}
