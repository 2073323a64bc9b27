package org.sealpost.portal.notification;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.sealpost.portal.notification.template.NotificationTemplate;
import org.sealpost.portal.notification.template.TemplateKind;

/** An administrator's version of one mail: what was saved after the engine accepted it. */
@Entity
@Cacheable(false)
@Table(name = "mail_template")
public class StoredMailTemplate {

    @Id
    @Enumerated(EnumType.STRING)
    private TemplateKind kind;

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

    StoredMailTemplate(NotificationTemplate template, Instant now) {
        this.kind = template.kind();
        replace(template, now);
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

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public int version() {
        return version;
    }

    public Instant changedAt() {
        return changedAt.toInstant();
    }
}
