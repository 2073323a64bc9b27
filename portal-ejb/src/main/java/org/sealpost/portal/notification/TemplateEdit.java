package org.sealpost.portal.notification;

import org.sealpost.portal.language.Language;
import org.sealpost.portal.notification.template.TemplateKind;

/**
 * One mail in one language as the editor shows it: the administrator's version, or the default;
 * and as the editor's form hands it back to be saved ({@link TemplateDesk#save}).
 *
 * @param version the stored row's version, or {@code null} when the default is in force; a
 *                save names the one its form was loaded with, so that a stale form is refused
 */
public record TemplateEdit(
        TemplateKind kind, Language language, String subject, String textBody, String htmlBody, Integer version) {

    public boolean isDefault() {
        return version == null;
    }
}
