package org.sealpost.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.migrations.SchemaMigrations;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.account.Account;
import org.sealpost.portal.config.MapConfig;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.outbound.OutboundKind;
import org.sealpost.portal.outbound.QueuedMail;
import org.sealpost.portal.settings.Branding;
import org.sealpost.portal.settings.RuntimeSettings;
import org.sealpost.portal.settings.RuntimeSettingsSeed;
import org.sealpost.portal.settings.SettingsDesk;
import org.sealpost.testsupport.TestDatabase;

/**
 * The language of the mails the outbound worker composes, on PostgreSQL: an account whose owner
 * signed in on German pages gets its notification in German (subject, body, Content-Language),
 * one on English pages in English, and an account nobody has signed in to yet in the
 * organisation's default language, which SEALPOST_DEFAULT_LANGUAGE seeds and the administrator
 * changes. And V18 keeps an administrator's edited template as the English one.
 */
class MailLanguageIT {

    @TempDir
    static Path dir;

    private static PortalJpa db;
    private static NotificationComposer composer;

    @BeforeAll
    static void database() throws Exception {
        db = PortalJpa.create("mail-language");
        PortalSettings settings = MapConfig.install(
                Map.of(Setting.DEFAULT_LANGUAGE, "de", Setting.PUBLIC_URL, "https://secure.bank.example"));
        composer = new NotificationComposer(
                settings,
                new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray())));
    }

    @AfterAll
    static void close() {
        MapConfig.uninstall();
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anAccountSignedInOnGermanPagesGetsItsNotificationInGermanWhateverTheDefault() throws Exception {
        organisationDefault(Language.ENGLISH);
        long anna = account("anna@example.org", "ACTIVE", Optional.of(Language.GERMAN));

        MimeMessage mail = compose("anna@example.org", anna);

        assertThat(mail.getSubject()).isEqualTo("Neue sichere Nachricht von Bank Example");
        assertThat(text(mail)).startsWith("Guten Tag,").contains("hat Ihnen eine neue sichere Nachricht gesendet");
        assertThat(mail.getHeader("Content-Language")).containsExactly("de");
    }

    @Test
    void anAccountSignedInOnEnglishPagesGetsEnglishWhateverTheDefault() throws Exception {
        organisationDefault(Language.GERMAN);
        long carl = account("carl@example.org", "ACTIVE", Optional.of(Language.ENGLISH));

        MimeMessage mail = compose("carl@example.org", carl);

        assertThat(mail.getSubject()).isEqualTo("New secure message from Bank Example");
        assertThat(text(mail)).startsWith("Hello,");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
    }

    @Test
    void anAccountNobodySignedInToGetsTheOrganisationsDefaultAndFollowsItsChange() throws Exception {
        long ben = account("ben@example.org", "PENDING", Optional.empty());
        // As SEALPOST_DEFAULT_LANGUAGE=de seeded it, unless another test changed it since.
        organisationDefault(Language.GERMAN);

        MimeMessage seeded = compose("ben@example.org", ben);

        assertThat(seeded.getSubject()).isEqualTo("Bank Example hat Ihnen eine sichere Nachricht gesendet");
        assertThat(text(seeded)).contains("legen Sie bitte zuerst Ihr Konto an");
        assertThat(seeded.getHeader("Content-Language")).containsExactly("de");

        organisationDefault(Language.ENGLISH);
        MimeMessage changed = compose("ben@example.org", ben);

        assertThat(changed.getSubject()).isEqualTo("Bank Example has sent you a secure message");
        assertThat(changed.getHeader("Content-Language")).containsExactly("en");
    }

    @Test
    void theSeedFromTheEnvironmentIsTheDefaultLanguage() throws Exception {
        try (PortalJpa fresh = PortalJpa.create("mail-language-seed-jpa")) {
            Language seeded = fresh.inTransaction(em -> desk(em).current().defaultLanguage());
            assertThat(seeded).isEqualTo(Language.GERMAN);
        }
    }

    /** The administrator's choice of the organisation's default language, as the console saves it. */
    private static void organisationDefault(Language language) throws Exception {
        db.inTransaction(em -> {
            SettingsDesk desk = desk(em);
            desk.changeDefaultLanguage(
                    "admin@bank.example", null, desk.current().version(), language, Instant.now());
            return null;
        });
    }

    @Test
    void theMigrationKeepsAnEditedTemplateAsTheEnglishOne() throws Exception {
        DataSource ds =
                TestDatabase.server().createDatabase("mail-language-v18").dataSource();
        Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration/sealpost")
                .target("16")
                .load()
                .migrate();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO mail_template (kind, subject, text_body, html_body, changed_at, version)
                    VALUES ('NEW_MESSAGE', 'Edited', 'See {{portalLink}}', '<p>{{portalLink}}</p>', now(), 3)""");
        }

        SchemaMigrations.migrate(ds);

        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT kind, language, subject, version FROM mail_template")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .containsExactly("NEW_MESSAGE", "en", "Edited", "3");
            assertThat(rs.next()).isFalse();
        }
    }

    private static SettingsDesk desk(jakarta.persistence.EntityManager em) {
        return new SettingsDesk(
                em,
                () -> RuntimeSettingsSeed.fromSettings(
                        s -> s == Setting.DEFAULT_LANGUAGE ? Optional.of("de") : Optional.empty()));
    }

    /** The account, and the language of the pages its owner last signed in with (as SignInCompletion records it). */
    private static long account(String address, String state, Optional<Language> signedInWith) throws Exception {
        long id;
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO account (email, role, state) VALUES (?, 'RECIPIENT', ?) RETURNING id")) {
            ps.setString(1, address);
            ps.setString(2, state);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        signedInWith.ifPresent(language -> {
            try {
                db.inTransaction(em -> {
                    em.find(Account.class, id).rememberLanguage(language);
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return id;
    }

    /** The mail the worker writes for one queued arrival notification, with the templates and settings in force. */
    private static MimeMessage compose(String recipient, long accountId) throws Exception {
        Instant now = Instant.now();
        return db.inTransaction(em -> {
            RuntimeSettings runtime = desk(em).current();
            PortalMails mails = PortalMails.of(
                    new MailTemplates(em),
                    new Branding("Bank Example", runtime.branding().accentColour(), false),
                    runtime.defaultLanguage());
            QueuedMail row =
                    new QueuedMail(1, OutboundKind.NOTIFY_NEW_MESSAGE, recipient, accountId, null, 0, now, null, null);
            return composer.compose(em, Session.getInstance(new Properties()), recipient, List.of(row), now, mails);
        });
    }

    private static String text(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    }
}
