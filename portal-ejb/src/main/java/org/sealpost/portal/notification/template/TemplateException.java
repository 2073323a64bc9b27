package org.sealpost.portal.notification.template;

import java.util.Optional;

/**
 * A notification template the portal refuses to save, with a message for the administrator that
 * names the part, the position and, where one is involved, the placeholder.
 *
 * <p>Checked on purpose: the admin screen that saves a template must show this message next to
 * the field instead of letting a server error escape, and a template that was refused must never
 * reach the outbound queue, where the mistake would surface only as a broken e-mail to a customer.
 */
public final class TemplateException extends Exception {

    private final TemplatePart part;
    private final String placeholder;
    private final int line;
    private final int column;

    TemplateException(TemplatePart part, String placeholder, int line, int column, String message) {
        super(message);
        this.part = part;
        this.placeholder = placeholder;
        this.line = line;
        this.column = column;
    }

    /** The part that is wrong. */
    public TemplatePart part() {
        return part;
    }

    /** The placeholder name involved, as written (without braces), if any. */
    public Optional<String> placeholder() {
        return Optional.ofNullable(placeholder);
    }

    /** 1-based line in the part, or 0 when the problem is the part as a whole. */
    public int line() {
        return line;
    }

    /** 1-based column (in {@code char}s) in the line, or 0 when the problem is the part as a whole. */
    public int column() {
        return column;
    }
}
