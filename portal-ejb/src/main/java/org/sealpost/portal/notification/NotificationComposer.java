package org.sealpost.portal.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.portal.account.AccountDirectory;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.account.OneTimeTokens;
import org.sealpost.portal.account.Role;
import org.sealpost.portal.certificate.StoredBridgeCertificates;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.message.StoredMessages;
import org.sealpost.portal.notification.template.NotificationValues;
import org.sealpost.portal.notification.template.RenderedNotification;
import org.sealpost.portal.notification.template.SampleValues;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.outbound.MailComposer;
import org.sealpost.portal.outbound.OutboundKind;
import org.sealpost.portal.outbound.QueuedMail;
import org.sealpost.portal.platform.StorageUnavailableException;
import org.sealpost.portal.settings.AccentColour;
import org.sealpost.portal.settings.Branding;

/**
 * Writes the mail for a recipient's due queue rows: "please register" (with a fresh one-time
 * link) while their account is PENDING, "please sign in" once it is ACTIVE, a password-reset
 * link, an administrator's invitation, an account notice or an administrator's test mail, each
 * rendered by {@link PortalMails} (the one template engine, the administrator's templates and
 * branding). The secure message itself is never in the mail: only who sent it and how many wait.
 */
@ApplicationScoped
public class NotificationComposer {

    @Inject
    private PortalSettings settings;

    @Inject
    private MessageSealer sealer;

    public NotificationComposer() {
        // for the container
    }

    /** For tests on PostgreSQL without the container. */
    NotificationComposer(PortalSettings settings, MessageSealer sealer) {
        this.settings = settings;
        this.sealer = sealer;
    }

    /** This composer with {@code mails}' templates and branding, as the outbound queue delivers with it. */
    public MailComposer with(PortalMails mails) {
        Objects.requireNonNull(mails, "mails");
        return (em, session, recipient, rows, now) -> compose(em, session, recipient, rows, now, mails);
    }

    /** With the built-in templates and the default branding: for tools without the runtime settings. */
    public MailComposer withBuiltInMails() {
        return with(PortalMails.builtIn(new Branding("Sealpost", AccentColour.DEFAULT, false), Language.ENGLISH));
    }

    /**
     * Writes the mail for the rows of one recipient with {@code mails}' templates and branding,
     * in {@code em}'s transaction (the delivery's): the counts and the newest message's metadata
     * are read in JPQL on {@code em}, the account's profile and the links minted are SQL on its
     * connection (ADR 0003).
     *
     * @throws StorageUnavailableException the database failed while the mail was written
     */
    public MimeMessage compose(
            EntityManager em, Session session, String recipient, List<QueuedMail> rows, Instant now, PortalMails mails)
            throws MessagingException {
        try {
            Connection c = em.unwrap(Connection.class);
            if (c == null) {
                throw new SQLException("no transaction: the entity manager has no connection to write the mail on");
            }
            return write(em, c, session, recipient, rows, now, mails);
        } catch (SQLException | PersistenceException e) {
            throw new StorageUnavailableException("the mail to " + recipient + " cannot be written now", e);
        }
    }

    private MimeMessage write(
            EntityManager em,
            Connection c,
            Session session,
            String recipient,
            List<QueuedMail> rows,
            Instant now,
            PortalMails mails)
            throws SQLException, MessagingException {
        long accountId = Objects.requireNonNull(rows.get(0).accountId(), "queued notification without an account");
        AccountDirectory.MailProfile account = AccountDirectory.mailProfile(c, accountId);
        String state = account.state().name();
        boolean administrator = account.role() == Role.ADMIN;
        // The recipient's language: that of their last sign-in; a PENDING account has none
        // yet and is written to in the organisation's default.
        Language language = mails.languageFor(Language.ofCode(account.languageCode()));
        URI portal = URI.create(settings.publicUrl().replaceAll("/+$", "") + "/");
        OutboundKind first = rows.get(0).kind();
        boolean reset = rows.stream().anyMatch(m -> m.kind() == OutboundKind.PASSWORD_RESET);
        NotificationValues.Builder values = NotificationValues.builder()
                .recipientAddress(EmailAddress.of(recipient))
                .portalLink(portal)
                // Overwritten below by the newest message's sender when there is one.
                .senderAddress(EmailAddress.of(notifyFromAddress()));

        RenderedNotification rendered;
        Optional<TemplateKind> notice = noticeOf(first);
        if (first == OutboundKind.TEMPLATE_TEST) {
            // Sample values, and links whose token was never minted: the test opens nothing.
            // In the language the administrator was editing, whatever their own.
            language = rows.get(0).templateLanguage();
            rendered = mails.render(
                    TemplateKind.valueOf(rows.get(0).template()),
                    language,
                    SampleValues.builder(portal, EmailAddress.of(recipient), language));
        } else if (first == OutboundKind.CERTIFICATE_EXPIRING) {
            // To an administrator: the date as the portal shows dates, the link to the certificate page.
            rendered = mails.render(
                    TemplateKind.CERTIFICATE_EXPIRING,
                    language,
                    values.portalLink(portal.resolve("admin/certificate.xhtml"))
                            .expiryDate(StoredBridgeCertificates.currentNotAfter(c)
                                    .map(at -> LocalDate.ofInstant(at, settings.displayZone()))
                                    .orElse(null)));
        } else if (notice.isPresent()) {
            // Composed through the template engine like every mail, with no link in it.
            rendered = mails.render(notice.get(), language, values);
        } else if (administrator && state.equals("PENDING")) {
            String token = OneTimeTokens.mint(
                    c,
                    accountId,
                    OneTimeTokens.Purpose.REGISTER,
                    settings.duration(Setting.REGISTRATION_LINK_VALIDITY, Duration.ofDays(14)),
                    now);
            rendered = mails.render(
                    TemplateKind.ADMINISTRATOR_INVITATION,
                    language,
                    values.registrationLink(portal.resolve("register.xhtml?token=" + token)));
        } else if (reset) {
            String token =
                    OneTimeTokens.mint(c, accountId, OneTimeTokens.Purpose.RESET_PASSWORD, Duration.ofHours(1), now);
            rendered = mails.render(
                    TemplateKind.PASSWORD_RESET,
                    language,
                    values.resetLink(portal.resolve("reset.xhtml?token=" + token)));
        } else {
            values.messageCount(Math.max(1, (int) Math.max(
                    rows.stream().filter(m -> m.contentId() != null).count(),
                    StoredMessages.unreadInInbox(em, accountId))));
            newestSender(em, rows).ifPresent(meta -> {
                if (meta.from() != null) {
                    values.senderName(meta.from().displayName());
                    try {
                        values.senderAddress(EmailAddress.of(meta.from().address()));
                    } catch (IllegalArgumentException unusable) {
                        // a damaged From: the notification simply names no sender address
                    }
                }
                if (meta.subject() != null) {
                    values.originalSubject(meta.subject());
                }
            });
            TemplateKind kind;
            if (state.equals("PENDING")) {
                String token = OneTimeTokens.mint(
                        c,
                        accountId,
                        OneTimeTokens.Purpose.REGISTER,
                        settings.duration(Setting.REGISTRATION_LINK_VALIDITY, Duration.ofDays(14)),
                        now);
                values.registrationLink(portal.resolve("register.xhtml?token=" + token));
                kind = TemplateKind.REGISTER_FIRST_MESSAGE;
            } else {
                kind = TemplateKind.NEW_MESSAGE;
            }
            rendered = mails.render(kind, language, values);
        }
        return mime(session, recipient, rendered, language, mails, now);
    }

    /** The no-link notice a queue row of this kind is rendered as, if it is one. */
    private static Optional<TemplateKind> noticeOf(OutboundKind kind) {
        return switch (kind) {
            case ACCOUNT_REGISTERED -> Optional.of(TemplateKind.ACCOUNT_REGISTERED);
            case PASSWORD_CHANGED -> Optional.of(TemplateKind.PASSWORD_CHANGED);
            case PASSWORD_RESET_DONE -> Optional.of(TemplateKind.PASSWORD_RESET_DONE);
            default -> Optional.empty();
        };
    }

    private MimeMessage mime(
            Session session,
            String recipient,
            RenderedNotification rendered,
            Language language,
            PortalMails mails,
            Instant now)
            throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(notifyFrom()));
        m.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient));
        m.setSubject(rendered.subject(), "UTF-8");
        m.setSentDate(Date.from(now));
        // RFC 3834: an automatic message; auto-responders must not answer it.
        m.setHeader("Auto-Submitted", "auto-generated");
        // RFC 3282: the language the reader is addressed in, for mail clients that offer to
        // translate or choose a spelling checker by it.
        m.setHeader("Content-Language", language.code());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), "UTF-8");
        MimeBodyPart html = LogoInMail.htmlPart(
                rendered.html(), mails.logo(), mails.branding().organisationName());
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        m.setContent(alternative);
        m.saveChanges();
        return m;
    }

    private String notifyFrom() {
        return settings.get(Setting.NOTIFY_FROM).orElse("Sealpost <no-reply@localhost>");
    }

    private String notifyFromAddress() {
        try {
            return new InternetAddress(notifyFrom()).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new org.sealpost.portal.config.InvalidSettingException(
                    Setting.NOTIFY_FROM, notifyFrom(), "an address");
        }
    }

    /** The metadata of the newest message the rows are about, decrypted to name its sender. */
    private Optional<MessageMetadata> newestSender(EntityManager em, List<QueuedMail> mails) {
        Optional<UUID> newest = mails.stream()
                .filter(m -> m.contentId() != null)
                .max((a, b) -> a.createdAt().compareTo(b.createdAt()))
                .map(QueuedMail::contentId);
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        try {
            return StoredMessages.openMetadata(em, sealer, newest.get());
        } catch (SealBrokenException e) {
            return Optional.empty();
        }
    }
}
