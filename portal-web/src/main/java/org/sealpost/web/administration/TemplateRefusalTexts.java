package org.sealpost.web.administration;

import org.sealpost.portal.notification.template.TemplateException;
import org.sealpost.web.format.BundleTexts;

/**
 * The template editor's refusal in the reader's language: the part, the line where there is
 * one, and the sentence of the problem's code filled with its details (the tag as written, the
 * element or attribute). The exception's own message is English for the log and is not shown.
 */
final class TemplateRefusalTexts {

    private final BundleTexts texts;

    TemplateRefusalTexts(BundleTexts texts) {
        this.texts = texts;
    }

    /** The problem's sentence alone. */
    String sentence(TemplateException e) {
        return texts.format(e.problem().messageKey(), e.arguments().toArray());
    }

    /** What the page shows: "Not saved", the part, the line, the sentence. */
    String line(TemplateException e) {
        String part = texts.get("settings.template.part." + e.part().name());
        return e.line() > 0
                ? texts.format("settings.template.refusedAtLine", part, e.line(), sentence(e))
                : texts.format("settings.template.refused", part, sentence(e));
    }
}
