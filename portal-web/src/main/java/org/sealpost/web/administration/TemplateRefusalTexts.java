package org.sealpost.web.administration;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.sealpost.portal.notification.template.TemplateException;

/**
 * The template editor's refusal in the reader's language: the part, the line where there is
 * one, and the sentence of the problem's code filled with its details (the tag as written, the
 * element or attribute). The exception's own message is English for the log and is not shown.
 */
final class TemplateRefusalTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    TemplateRefusalTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The problem's sentence alone. */
    String sentence(TemplateException e) {
        return format(e.problem().messageKey(), e.arguments().toArray());
    }

    /** What the page shows: "Not saved", the part, the line, the sentence. */
    String line(TemplateException e) {
        String part = bundle.getString("settings.template.part." + e.part().name());
        return e.line() > 0
                ? format("settings.template.refusedAtLine", part, e.line(), sentence(e))
                : format("settings.template.refused", part, sentence(e));
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
