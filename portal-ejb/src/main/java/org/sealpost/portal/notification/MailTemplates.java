package org.sealpost.portal.notification;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.sealpost.portal.notification.template.DefaultTemplates;
import org.sealpost.portal.notification.template.NotificationTemplate;
import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.portal.notification.template.TemplateKind;
import org.sealpost.portal.settings.SettingsChangedMeanwhileException;

/**
 * The owner of table {@code mail_template}: every statement about it is here. A kind without a
 * row uses the built-in default; "restore default" deletes the row. Read in the caller's
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
    public NotificationTemplate template(TemplateKind kind) {
        StoredMailTemplate stored = em.find(StoredMailTemplate.class, kind);
        if (stored == null) {
            return DefaultTemplates.of(kind);
        }
        try {
            return NotificationTemplate.parse(kind, stored.subject(), stored.textBody(), stored.htmlBody());
        } catch (TemplateException e) {
            LOG.warning(() -> "the administrator's " + kind + " template is no longer accepted (" + e.getMessage()
                    + "); the default is used until it is edited");
            return DefaultTemplates.of(kind);
        }
    }

    /** Every mail, as the editor lists them. */
    public List<TemplateEdit> all() {
        List<TemplateEdit> edits = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            edits.add(edit(kind));
        }
        return edits;
    }

    /** One mail as the editor shows it. */
    public TemplateEdit edit(TemplateKind kind) {
        StoredMailTemplate stored = em.find(StoredMailTemplate.class, kind);
        if (stored == null) {
            NotificationTemplate d = DefaultTemplates.of(kind);
            return new TemplateEdit(kind, d.subject(), d.textBody(), d.htmlBody(), null);
        }
        return new TemplateEdit(kind, stored.subject(), stored.textBody(), stored.htmlBody(), stored.version());
    }

    /**
     * Saves an administrator's template the engine accepted.
     *
     * @param expectedVersion the version the form was loaded with, {@code null} for the default
     * @return what changed, for the audit ("subject: 'a' → 'b'", sizes and digests of the bodies)
     * @throws SettingsChangedMeanwhileException someone else saved or restored it meanwhile
     */
    public List<String> save(NotificationTemplate template, Integer expectedVersion, Instant now) {
        TemplateEdit before = edit(template.kind());
        StoredMailTemplate row = locked(template.kind(), expectedVersion);
        if (row == null) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO mail_template (kind, subject, text_body, html_body, changed_at, version)
                    VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT (kind) DO NOTHING""")
                    .setParameter(1, template.kind().name())
                    .setParameter(2, template.subject())
                    .setParameter(3, template.textBody())
                    .setParameter(4, template.htmlBody())
                    .setParameter(5, now.atOffset(java.time.ZoneOffset.UTC))
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
    public boolean restoreDefault(TemplateKind kind, Integer expectedVersion) {
        StoredMailTemplate row = locked(kind, expectedVersion);
        if (row == null) {
            return false;
        }
        em.remove(row);
        em.flush();
        return true;
    }

    /** The row locked for a change, after checking the form's version; null when the default is in force. */
    private StoredMailTemplate locked(TemplateKind kind, Integer expectedVersion) {
        StoredMailTemplate row = em.find(StoredMailTemplate.class, kind, LockModeType.PESSIMISTIC_WRITE);
        Integer current = row == null ? null : row.version();
        if (!Objects.equals(current, expectedVersion)) {
            throw new SettingsChangedMeanwhileException("the " + kind + " template");
        }
        return row;
    }
}
