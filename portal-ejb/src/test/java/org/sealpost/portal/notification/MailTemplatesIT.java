package org.sealpost.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.DefaultTemplates;
import org.sealpost.portal.notification.template.NotificationValues;
import org.sealpost.portal.notification.template.RenderedNotification;
import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.AccentColour;
import org.sealpost.portal.settings.Branding;
import org.sealpost.portal.settings.SettingsChangedMeanwhileException;

/**
 * Templates an administrator edits, on PostgreSQL: saved after the engine's checks, used by the
 * next mail, refused when stale or invalid (nothing saved), restored to the default, audited.
 */
class MailTemplatesIT {

    private static final String TEXT = "Dear customer, sign in at {{portalLink}}";
    private static final String HTML = "<p>Dear customer, <a href=\"{{portalLink}}\">{{portalLink}}</a></p>";

    private static PortalJpa db;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("mail-templates");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static RenderedNotification newMessageMail() throws Exception {
        return db.inTransaction(em -> PortalMails.of(
                        new MailTemplates(em),
                        new Branding("Bank Example", AccentColour.DEFAULT, false),
                        Language.ENGLISH)
                .render(
                        TemplateKind.NEW_MESSAGE,
                        Language.ENGLISH,
                        NotificationValues.builder()
                                .senderAddress(EmailAddress.of("clerk@bank.example"))
                                .recipientAddress(EmailAddress.of("anna@example.org"))
                                .portalLink(URI.create("https://secure.bank.example/"))));
    }

    @Test
    void aSavedTemplateIsUsedByTheNextMailAndRestoringTheDefaultUndoesIt() throws Exception {
        assertThat(db.inTransaction(em -> new TemplateDesk(em).edit(TemplateKind.NEW_MESSAGE, Language.ENGLISH))
                        .isDefault())
                .isTrue();

        db.inTransaction(em -> {
            new TemplateDesk(em)
                    .save(
                            "admin@bank.example",
                            "192.0.2.1",
                            new TemplateEdit(
                                    TemplateKind.NEW_MESSAGE,
                                    Language.ENGLISH,
                                    "News from {{organisationName}}",
                                    TEXT,
                                    HTML,
                                    null),
                            Instant.now());
            return null;
        });

        RenderedNotification mail = newMessageMail();
        assertThat(mail.subject()).isEqualTo("News from Bank Example");
        assertThat(mail.text()).isEqualTo("Dear customer, sign in at https://secure.bank.example/");
        TemplateEdit saved =
                db.inTransaction(em -> new TemplateDesk(em).edit(TemplateKind.NEW_MESSAGE, Language.ENGLISH));
        assertThat(saved.version()).isZero();

        db.inTransaction(em -> {
            new TemplateDesk(em)
                    .restoreDefault(
                            "admin@bank.example",
                            null,
                            TemplateKind.NEW_MESSAGE,
                            Language.ENGLISH,
                            saved.version(),
                            Instant.now());
            return null;
        });

        assertThat(newMessageMail().subject())
                .isEqualTo(DefaultTemplates.of(TemplateKind.NEW_MESSAGE, Language.ENGLISH)
                        .render(NotificationValues.builder()
                                .senderAddress(EmailAddress.of("clerk@bank.example"))
                                .recipientAddress(EmailAddress.of("anna@example.org"))
                                .organisationName("Bank Example")
                                .portalLink(URI.create("https://secure.bank.example/"))
                                .build())
                        .subject());
        assertThat(auditDetails())
                .anyMatch(d -> d.startsWith("subject: '{{#oneMessage}}New secure message")
                        && d.contains("→ 'News from {{organisationName}}'"))
                .anyMatch(d -> d.startsWith("restored the default: subject: 'News from {{organisationName}}' → '"));
    }

    @Test
    void aStaleFormIsRefusedAndTheNewerTemplateStays() throws Exception {
        db.inTransaction(em -> {
            new TemplateDesk(em)
                    .save(
                            "first@bank.example",
                            null,
                            new TemplateEdit(
                                    TemplateKind.PASSWORD_CHANGED,
                                    Language.ENGLISH,
                                    "Changed",
                                    "Your password was changed.",
                                    "<p>Your password was changed.</p>",
                                    null),
                            Instant.now());
            return null;
        });

        assertThatThrownBy(() -> db.inTransaction(em -> {
                    new TemplateDesk(em)
                            .save(
                                    "second@bank.example",
                                    null,
                                    new TemplateEdit(
                                            TemplateKind.PASSWORD_CHANGED,
                                            Language.ENGLISH,
                                            "Mine",
                                            "Mine.",
                                            "<p>Mine.</p>",
                                            null),
                                    Instant.now());
                    return null;
                }))
                .isInstanceOf(SettingsChangedMeanwhileException.class);

        assertThat(db.inTransaction(em -> new TemplateDesk(em).edit(TemplateKind.PASSWORD_CHANGED, Language.ENGLISH))
                        .subject())
                .isEqualTo("Changed");
    }

    @Test
    void anInvalidTemplateIsRefusedWithItsLineAndNothingIsSaved() throws Exception {
        assertThatThrownBy(() -> db.inTransaction(em -> {
                    new TemplateDesk(em)
                            .save(
                                    "admin@bank.example",
                                    null,
                                    new TemplateEdit(
                                            TemplateKind.ACCOUNT_REGISTERED,
                                            Language.ENGLISH,
                                            "Welcome",
                                            "Welcome.",
                                            "<div>\n<p>Welcome {{customer}}</p>\n</div>",
                                            null),
                                    Instant.now());
                    return null;
                }))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("line 2");

        assertThat(db.inTransaction(em -> new TemplateDesk(em).edit(TemplateKind.ACCOUNT_REGISTERED, Language.ENGLISH))
                        .isDefault())
                .isTrue();
    }

    private static java.util.List<String> auditDetails() throws Exception {
        java.util.List<String> details = new java.util.ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT detail FROM audit_event WHERE action = 'MAIL_TEMPLATE_CHANGED' ORDER BY id")) {
            while (rs.next()) {
                details.add(rs.getString(1));
            }
        }
        return details;
    }
}
