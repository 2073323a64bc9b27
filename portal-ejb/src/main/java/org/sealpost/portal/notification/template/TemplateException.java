package org.sealpost.portal.notification.template;

import java.util.List;
import java.util.Optional;

/**
 * A notification template the portal refuses to save: a {@link TemplateProblem} code with its
 * arguments for the administrator's page, the part, the position and, where one is involved, the
 * placeholder; the message is an English technical description for the log.
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
    private final TemplateProblem problem;
    private final List<Object> arguments;

    /**
     * @param arguments the details the translated sentence names, in the order of its {0}, {1}…
     * @param message   an English technical description, for the log
     */
    TemplateException(
            TemplatePart part,
            String placeholder,
            int line,
            int column,
            TemplateProblem problem,
            List<?> arguments,
            String message) {
        super(message);
        this.problem = problem;
        this.arguments = List.copyOf(arguments);
        this.part = part;
        this.placeholder = placeholder;
        this.line = line;
        this.column = column;
    }

    /** What is wrong, as a code whose {@link TemplateProblem#messageKey()} the page translates. */
    public TemplateProblem problem() {
        return problem;
    }

    /** The details of the translated sentence (tags as written, element or attribute names, lines). */
    public List<Object> arguments() {
        return arguments;
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
