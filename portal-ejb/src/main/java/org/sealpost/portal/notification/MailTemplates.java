package org.sealpost.portal.notification;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.DefaultTemplates;
import org.sealpost.portal.notification.template.NotificationTemplate;
import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.SettingsChangedMeanwhileException;

/**
 * The owner of table {@code mail_template}: every statement about it is here. One template per
 * kind and language; a kind without a row in a language uses that language's built-in default
 * (an administrator's English edit never stands in for German, nor the other way round: a
 * recipient gets either their language or nothing they cannot read); "restore default" deletes
 * the row. Read in the caller's
 * transaction each time a mail is rendered, so an edit applies to the next mail on every node.
 *
 * <p>Every change names the version its form was loaded with ({@code null}: the default) and
 * is refused when the row moved on meanwhile.
 */
public final class MailTemplates {

    private static final Logger LOG = Logger.getLogger(MailTemplates.class.getName());

    private final EntityManager em;

    public MailTemplates(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * The template mails of {@code kind} are rendered with. A stored template the engine no
     * longer accepts (its rules grew stricter since it was saved) is logged and the default
     * used: a notification must still go out.
     */
    public NotificationTemplate template(TemplateKind kind, Language language) {
        StoredMailTemplate stored = em.find(StoredMailTemplate.class, new StoredMailTemplate.Key(kind, language));
        if (stored == null) {
            return DefaultTemplates.of(kind, language);
        }
        try {
            return stored.template();
        } catch (TemplateException e) {
            LOG.warning(() -> "the administrator's " + kind + " template in " + language + " is no longer accepted ("
                    + e.getMessage() + "); the default is used until it is edited");
            return DefaultTemplates.of(kind, language);
        }
    }

    /** Every mail in {@code language}, as the editor lists them. */
    public List<TemplateEdit> all(Language language) {
        List<TemplateEdit> edits = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            edits.add(edit(kind, language));
        }
        return edits;
    }

    /** One mail in one language as the editor shows it. */
    public TemplateEdit edit(TemplateKind kind, Language language) {
        StoredMailTemplate stored = em.find(StoredMailTemplate.class, new StoredMailTemplate.Key(kind, language));
        if (stored == null) {
            NotificationTemplate d = DefaultTemplates.of(kind, language);
            return new TemplateEdit(kind, language, d.subject(), d.textBody(), d.htmlBody(), null);
        }
        return stored.edit();
    }

    /**
     * Saves an administrator's template the engine accepted.
     *
     * @param expectedVersion the version the form was loaded with, {@code null} for the default
     * @return what changed, for the audit ("subject: 'a' → 'b'", sizes and digests of the bodies)
     * @throws SettingsChangedMeanwhileException someone else saved or restored it meanwhile
     */
    public List<String> save(NotificationTemplate template, Language language, Integer expectedVersion, Instant now) {
        TemplateEdit before = edit(template.kind(), language);
        StoredMailTemplate row = locked(template.kind(), language, expectedVersion);
        if (row == null) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO mail_template (kind, language, subject, text_body, html_body, changed_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (kind, language) DO NOTHING""")
                    .setParameter(1, template.kind().name())
                    .setParameter(2, language.code())
                    .setParameter(3, template.subject())
                    .setParameter(4, template.textBody())
                    .setParameter(5, template.htmlBody())
                    .setParameter(6, now.atOffset(java.time.ZoneOffset.UTC))
                    .executeUpdate();
            if (inserted != 1) {
                throw new SettingsChangedMeanwhileException("the " + template.kind() + " template");
            }
        } else {
            row.replace(template, now);
            em.flush();
        }
        return TemplateChanges.between(before, template);
    }

    /**
     * Deletes the administrator's version: the default is used again.
     *
     * @return whether there was one
     * @throws SettingsChangedMeanwhileException someone else saved it meanwhile
     */
    public boolean restoreDefault(TemplateKind kind, Language language, Integer expectedVersion) {
        StoredMailTemplate row = locked(kind, language, expectedVersion);
        if (row == null) {
            return false;
        }
        em.remove(row);
        em.flush();
        return true;
    }

    /** The row locked for a change, after checking the form's version; null when the default is in force. */
    private StoredMailTemplate locked(TemplateKind kind, Language language, Integer expectedVersion) {
        StoredMailTemplate row = em.find(
                StoredMailTemplate.class, new StoredMailTemplate.Key(kind, language), LockModeType.PESSIMISTIC_WRITE);
        Integer current = row == null ? null : row.version();
        if (!Objects.equals(current, expectedVersion)) {
            throw new SettingsChangedMeanwhileException("the " + kind + " template");
        }
        return row;
    }
}
