package org.sealpost.portal.notification;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.NotificationTemplate;
import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.portal.notification.template.TemplateKind;

/** An administrator's version of one mail in one language: what was saved after the engine accepted it. */
@Entity
@Cacheable(false)
@Table(name = "mail_template")
@IdClass(StoredMailTemplate.Key.class)
public class StoredMailTemplate {

    @Id
    @Enumerated(EnumType.STRING)
    private TemplateKind kind;

    /** The language's ISO 639-1 code, as the table's CHECK lists them. */
    @Id
    private String language;

    @Column(nullable = false)
    private String subject;

    @Column(name = "text_body", nullable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false)
    private String htmlBody;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Version
    private int version;

    protected StoredMailTemplate() {
        // JPA
    }

    /** Takes the parts of a template the engine accepted (so nothing unchecked is ever stored). */
    void replace(NotificationTemplate template, Instant now) {
        if (template.kind() != kind) {
            throw new IllegalArgumentException("a " + kind + " row cannot hold a " + template.kind() + " template");
        }
        subject = template.subject();
        textBody = template.textBody();
        htmlBody = template.htmlBody();
        changedAt = now.atOffset(ZoneOffset.UTC);
    }

    public TemplateKind kind() {
        return kind;
    }

    public Language language() {
        return Language.ofCode(language)
                .orElseThrow(() -> new IllegalStateException(
                        "mail_template holds a language the portal does not speak: " + language));
    }

    /**
     * The stored texts as a template, checked by the engine again: its rules may have grown
     * stricter since they were saved.
     */
    NotificationTemplate template() throws TemplateException {
        return NotificationTemplate.parse(kind, subject, textBody, htmlBody);
    }

    /** As the editor shows it: the stored texts, with the version a save must name. */
    TemplateEdit edit() {
        return new TemplateEdit(kind, language(), subject, textBody, htmlBody, version);
    }

    public int version() {
        return version;
    }

    public Instant changedAt() {
        return changedAt.toInstant();
    }

    /** The primary key: a kind in a language. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private TemplateKind kind;
        private String language;

        public Key() {
            // JPA
        }

        public Key(TemplateKind kind, Language language) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.language = language.code();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.kind == kind && Objects.equals(k.language, language);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, language);
        }
    }
}
