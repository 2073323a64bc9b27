package org.sealpost.portal.notification;

import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.TemplateKind;

/**
 * One mail in one language as the editor shows it: the administrator's version, or the default.
 *
 * @param version the stored row's version, or {@code null} when the default is in force; a
 *                save names it so that a stale form is refused
 */
public record TemplateEdit(
        TemplateKind kind, Language language, String subject, String textBody, String htmlBody, Integer version) {

    public boolean isDefault() {
        return version == null;
    }
}
