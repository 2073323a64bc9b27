package org.sealpost.portal.notification.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses one part of a template into {@link Segment}s and checks every tag against the kind and
 * the part, so that whatever is saved renders. Sections follow Mustache's "standalone" rule: a
 * line holding nothing but a section tag disappears with its line break, so text templates can
 * put {@code {{#expiryDate}}} on a line of its own without leaving blank lines behind.
 */
final class TemplateParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final TemplateKind kind;
    private final TemplatePart part;
    private final String source;
    private final HtmlContext html;

    private TemplateParser(TemplateKind kind, TemplatePart part, String source) {
        this.kind = kind;
        this.part = part;
        this.source = source;
        this.html = part == TemplatePart.HTML_BODY ? new HtmlContext() : null;
    }

    static List<Segment> parse(TemplateKind kind, TemplatePart part, String source) throws TemplateException {
        return new TemplateParser(kind, part, source).parse();
    }

    private record Open(Placeholder placeholder, boolean inverted, List<Segment> parent, int at) {}

    private List<Segment> parse() throws TemplateException {
        Deque<Open> open = new ArrayDeque<>();
        List<Segment> current = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            int start = source.indexOf("{{", i);
            int stray = source.indexOf("}}", i);
            // CSS in an HTML body legitimately has "}}" (a rule inside @media), so only the
            // subject and the text body treat it as a mistyped placeholder.
            if (part != TemplatePart.HTML_BODY && stray >= 0 && (start < 0 || stray < start)) {
                throw error(
                        stray,
                        null,
                        TemplateProblem.STRAY_CLOSING_BRACES,
                        List.of(),
                        "\"}}\" without an opening \"{{\": a mistyped placeholder?");
            }
            if (start < 0) {
                literal(text, i, source.length());
                break;
            }
            literal(text, i, start);
            int end = source.indexOf("}}", start + 2);
            int nextStart = source.indexOf("{{", start + 2);
            if (end < 0 || (nextStart >= 0 && nextStart < end)) {
                throw error(start, null, TemplateProblem.UNCLOSED_BRACES, List.of(), "\"{{\" is not closed by \"}}\"");
            }
            String inner = source.substring(start + 2, end);
            int after = end + 2;
            if (inner.startsWith("{")) {
                throw error(
                        start,
                        null,
                        TemplateProblem.UNESCAPED_OUTPUT,
                        List.of(),
                        "\"{{{\" (unescaped output) is not supported: values are always "
                                + "escaped in the HTML body; write {{name}}");
            }
            String body = inner.strip();
            char sigil = !body.isEmpty() && "#^/".indexOf(body.charAt(0)) >= 0 ? body.charAt(0) : 0;
            String name = sigil == 0 ? body : body.substring(1).strip();
            Placeholder placeholder = placeholder(name, start);
            if (sigil != 0) {
                int lineEnd = standaloneLineEnd(start, after);
                if (lineEnd >= 0) {
                    text.setLength(text.length() - (start - lineStart(start)));
                    after = lineEnd;
                }
            }
            flush(text, current);
            switch (sigil) {
                case 0 -> {
                    valueAllowedHere(placeholder, start);
                    current.add(new Segment.Value(placeholder));
                }
                case '#', '^' -> {
                    if (!placeholder.opensSection()) {
                        throw error(
                                start,
                                name,
                                TemplateProblem.NOT_A_SECTION,
                                List.of("{{" + sigil + name + "}}", sectionNames()),
                                "{{" + sigil + name + "}} opens a section, but " + name
                                        + " always has a value; sections work with " + sectionNames());
                    }
                    for (Open outer : open) {
                        if (outer.placeholder() == placeholder) {
                            throw error(
                                    start,
                                    name,
                                    TemplateProblem.NESTED_SECTION,
                                    List.of(name),
                                    "a " + name + " section cannot be inside another " + name + " section");
                        }
                    }
                    open.push(new Open(placeholder, sigil == '^', current, start));
                    current = new ArrayList<>();
                }
                default -> {
                    Open top = open.peek();
                    if (top == null) {
                        throw error(
                                start,
                                name,
                                TemplateProblem.CLOSES_UNOPENED_SECTION,
                                List.of("{{/" + name + "}}"),
                                "{{/" + name + "}} closes a section that was not opened");
                    }
                    if (top.placeholder() != placeholder) {
                        throw error(
                                start,
                                name,
                                TemplateProblem.CLOSES_OTHER_SECTION,
                                List.of(
                                        "{{/" + name + "}}",
                                        "{{" + (top.inverted() ? '^' : '#')
                                                + top.placeholder().key() + "}}",
                                        line(top.at())),
                                "{{/" + name + "}} closes {{" + (top.inverted() ? '^' : '#')
                                        + top.placeholder().key() + "}} from " + position(top.at())
                                        + "; close that first");
                    }
                    open.pop();
                    top.parent().add(new Segment.Section(placeholder, top.inverted(), current));
                    current = top.parent();
                }
            }
            i = after;
        }
        flush(text, current);
        if (!open.isEmpty()) {
            Open top = open.peek();
            String key = top.placeholder().key();
            String opened = "{{" + (top.inverted() ? '^' : '#') + key + "}}";
            throw error(
                    top.at(),
                    key,
                    TemplateProblem.SECTION_NOT_CLOSED,
                    List.of(opened, "{{/" + key + "}}"),
                    "{{" + (top.inverted() ? '^' : '#') + key + "}} is not closed by {{/" + key + "}}");
        }
        return List.copyOf(current);
    }

    private void literal(StringBuilder text, int from, int to) {
        text.append(source, from, to);
        if (html != null) {
            html.feed(source.subSequence(from, to));
        }
    }

    private static void flush(StringBuilder text, List<Segment> into) {
        if (!text.isEmpty()) {
            into.add(new Segment.Text(text.toString()));
            text.setLength(0);
        }
    }

    private Placeholder placeholder(String name, int at) throws TemplateException {
        if (!NAME.matcher(name).matches()) {
            throw error(
                    at,
                    null,
                    TemplateProblem.NOT_A_NAME,
                    List.of("{{" + name + "}}"),
                    "\"{{" + name + "}}\" is not a placeholder; names are letters and digits, "
                            + "such as {{senderName}}. " + allowed());
        }
        Placeholder placeholder = Placeholder.byKey(name).orElse(null);
        if (placeholder == null) {
            Placeholder similar = Placeholder.byKeyIgnoringCase(name).orElse(null);
            String hint = similar == null ? "" : " (did you mean " + similar.tag() + "?)";
            throw error(
                    at,
                    name,
                    similar == null
                            ? TemplateProblem.UNKNOWN_PLACEHOLDER
                            : TemplateProblem.UNKNOWN_PLACEHOLDER_MISCASED,
                    similar == null ? List.of("{{" + name + "}}") : List.of("{{" + name + "}}", similar.tag()),
                    "unknown placeholder {{" + name + "}}" + hint + ". " + allowed());
        }
        if (!kind.allows(placeholder)) {
            boolean registrationInNewMessage =
                    placeholder == Placeholder.REGISTRATION_LINK && kind == TemplateKind.NEW_MESSAGE;
            String why = registrationInNewMessage
                    ? " exists only in the " + TemplateKind.REGISTER_FIRST_MESSAGE + " template: the recipient of a "
                            + kind + " notification has registered already and signs in at "
                            + Placeholder.PORTAL_LINK.tag()
                    : " is not available in a " + kind + " template";
            throw error(
                    at,
                    name,
                    registrationInNewMessage
                            ? TemplateProblem.REGISTRATION_LINK_ONLY_FIRST_MESSAGE
                            : TemplateProblem.NOT_IN_THIS_MAIL,
                    registrationInNewMessage
                            ? List.of(placeholder.tag(), Placeholder.PORTAL_LINK.tag())
                            : List.of(placeholder.tag()),
                    placeholder.tag() + why + ". " + allowed());
        }
        if (part == TemplatePart.SUBJECT && placeholder == Placeholder.REGISTRATION_LINK) {
            throw error(
                    at,
                    name,
                    TemplateProblem.LINK_IN_SUBJECT,
                    List.of(placeholder.tag()),
                    placeholder.tag() + " must not be in the subject: subjects are logged by every mail "
                            + "server on the way and shown in message lists, and the link opens the recipient's account");
        }
        return placeholder;
    }

    private void valueAllowedHere(Placeholder placeholder, int at) throws TemplateException {
        String key = placeholder.key();
        if (!placeholder.hasValue()) {
            throw error(
                    at,
                    key,
                    TemplateProblem.CONDITION_AS_VALUE,
                    List.of(
                            placeholder.tag(),
                            "{{#" + key + "}}…{{/" + key + "}}",
                            "{{^" + key + "}}…{{/" + key + "}}"),
                    "{{" + key + "}} is a condition, not a value: use {{#" + key + "}}…{{/" + key + "}} or {{^" + key
                            + "}}…{{/" + key + "}}");
        }
        if (html != null) {
            HtmlContext.Refusal refusal = html.refusal(placeholder);
            if (refusal != null) {
                throw error(
                        at,
                        key,
                        refusal.problem(),
                        refusal.arguments(),
                        placeholder.tag() + " cannot stand here: " + refusal.description());
            }
            html.valueWritten();
        }
    }

    /**
     * Where the text continues if the tag from {@code start} to {@code end} stands alone on its line
     * (only blanks around it), that is after the line break; -1 if it does not.
     */
    private int standaloneLineEnd(int start, int end) {
        for (int k = lineStart(start); k < start; k++) {
            if (!isBlank(source.charAt(k))) {
                return -1;
            }
        }
        int k = end;
        while (k < source.length() && (isBlank(source.charAt(k)) || source.charAt(k) == '\r')) {
            k++;
        }
        if (k == source.length()) {
            return k;
        }
        return source.charAt(k) == '\n' ? k + 1 : -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private int lineStart(int index) {
        return SourcePositions.lineStart(source, index);
    }

    private String position(int index) {
        return "line " + line(index) + ", column " + column(index);
    }

    private int line(int index) {
        return SourcePositions.line(source, index);
    }

    private int column(int index) {
        return SourcePositions.column(source, index);
    }

    private String allowed() {
        String values = kind.placeholders().stream()
                .filter(Placeholder::hasValue)
                .filter(p -> part != TemplatePart.SUBJECT || p != Placeholder.REGISTRATION_LINK)
                .map(Placeholder::tag)
                .collect(Collectors.joining(", "));
        return "Allowed in " + part.label() + " of a " + kind + " template: " + values + "; sections work with "
                + sectionNames() + ".";
    }

    private static String sectionNames() {
        return java.util.Arrays.stream(Placeholder.values())
                .filter(Placeholder::opensSection)
                .map(Placeholder::key)
                .collect(Collectors.joining(", "));
    }

    private TemplateException error(
            int index, String placeholder, TemplateProblem problem, List<?> arguments, String what) {
        return new TemplateException(
                part,
                placeholder,
                line(index),
                column(index),
                problem,
                arguments,
                "In " + part.label() + " at " + position(index) + ": " + what);
    }
}
