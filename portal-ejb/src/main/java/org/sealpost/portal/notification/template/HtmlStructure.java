package org.sealpost.portal.notification.template;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses an HTML body whose markup is broken, naming the line: a tag without its {@code >}, an
 * attribute value without its closing quote, a comment without {@code -->}, an element closed
 * in the wrong order, closed twice, or never closed. Browsers repair such markup silently, each
 * mail client in its own way, so a forgotten {@code </a>} can turn the rest of a notification
 * into a link, and the administrator would learn of it from a customer.
 *
 * <p>Stricter than the HTML Standard on purpose: every element except the void ones (section
 * 13.1.2, "Void elements") must be closed explicitly, even where the standard lets an end tag be
 * implied ({@code </p>}, {@code </li>}). A template is short, and "closed in order" is a rule an
 * administrator can follow and a reader can check, where the implied-end-tag rules are not.
 * Placeholders are text here: where they may stand is {@link HtmlContext}'s question.
 */
final class HtmlStructure {

    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");

    private record Open(String name, int line) {}

    private final String source;
    private int at;

    private HtmlStructure(String source) {
        this.source = source;
    }

    /** @throws TemplateException naming the line of the first problem */
    static void check(String html) throws TemplateException {
        new HtmlStructure(html).check();
    }

    private void check() throws TemplateException {
        Deque<Open> open = new ArrayDeque<>();
        while (at < source.length()) {
            int lt = source.indexOf('<', at);
            if (lt < 0) {
                break;
            }
            at = lt;
            if (source.startsWith("<!--", at)) {
                int end = source.indexOf("-->", at + 4);
                if (end < 0) {
                    throw error(
                            lt,
                            TemplateProblem.COMMENT_NOT_CLOSED,
                            List.of(),
                            "the comment opened here is not closed by \"-->\"");
                }
                at = end + 3;
            } else if (source.startsWith("<!", at) || source.startsWith("<?", at)) {
                int end = source.indexOf('>', at);
                if (end < 0) {
                    throw error(
                            lt,
                            TemplateProblem.DECLARATION_NOT_CLOSED,
                            List.of(),
                            "the declaration opened here is not closed by \">\"");
                }
                at = end + 1;
            } else if (source.startsWith("</", at)) {
                String name = name(at + 2);
                if (name.isEmpty()) {
                    throw error(
                            lt,
                            TemplateProblem.END_TAG_WITHOUT_NAME,
                            List.of(),
                            "\"</\" is not followed by an element name (write &lt; for a literal \"<\")");
                }
                int end = source.indexOf('>', at);
                if (end < 0) {
                    throw error(
                            lt,
                            TemplateProblem.END_TAG_NOT_CLOSED,
                            List.of(name),
                            "the end tag </" + name + " is not closed by \">\"");
                }
                Open top = open.peek();
                if (top == null) {
                    throw error(
                            lt,
                            TemplateProblem.CLOSES_ELEMENT_NOT_OPEN,
                            List.of(name),
                            "</" + name + "> closes an element that is not open");
                }
                if (!top.name().equals(name)) {
                    throw error(
                            lt,
                            TemplateProblem.CLOSES_OTHER_ELEMENT,
                            List.of(name, top.name(), top.line()),
                            "</" + name + "> closes <" + top.name() + "> from line " + top.line()
                                    + "; close that first");
                }
                open.pop();
                at = end + 1;
            } else {
                String name = name(at + 1);
                if (name.isEmpty()) {
                    // "a < b": every browser reads a "<" not followed by a letter as text
                    // (HTML Standard 13.2.5.6, "invalid-first-character-of-tag-name").
                    at = lt + 1;
                    continue;
                }
                boolean selfClosing = endOfStartTag(lt, name);
                if (!selfClosing && !VOID_ELEMENTS.contains(name)) {
                    open.push(new Open(name, line(lt)));
                    if (name.equals("script")
                            || name.equals("style")
                            || name.equals("title")
                            || name.equals("textarea")) {
                        // Raw or escapable raw text (HTML Standard 13.1.2): no tags inside.
                        int end = source.toLowerCase(Locale.ROOT).indexOf("</" + name, at);
                        at = end < 0 ? source.length() : end;
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            Open top = open.peek();
            throw new TemplateException(
                    TemplatePart.HTML_BODY,
                    null,
                    top.line(),
                    0,
                    TemplateProblem.ELEMENT_NEVER_CLOSED,
                    List.of(top.name()),
                    "In the HTML body at line " + top.line() + ": <" + top.name() + "> is never closed");
        }
    }

    /** Reads the attributes up to the tag's {@code >}; true for a self-closing {@code />}. */
    private boolean endOfStartTag(int tagStart, String name) throws TemplateException {
        int i = tagStart + 1 + name.length();
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '>') {
                at = i + 1;
                return source.charAt(i - 1) == '/';
            }
            if (c == '<') {
                throw error(
                        tagStart,
                        TemplateProblem.TAG_NOT_CLOSED_BEFORE_NEXT,
                        List.of(name),
                        "the tag <" + name + " is not closed by \">\" before the next \"<\"");
            }
            if (c == '"' || c == '\'') {
                int close = source.indexOf(c, i + 1);
                if (close < 0) {
                    throw error(
                            i,
                            TemplateProblem.ATTRIBUTE_VALUE_NOT_CLOSED,
                            List.of(String.valueOf(c), name),
                            "the attribute value opened with " + c + " in <" + name + "> is never closed");
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        throw error(
                tagStart,
                TemplateProblem.TAG_NOT_CLOSED,
                List.of(name),
                "the tag <" + name + " is not closed by \">\"");
    }

    private String name(int from) {
        int i = from;
        while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '-')) {
            i++;
        }
        if (i == from || !Character.isLetter(source.charAt(from))) {
            return "";
        }
        return source.substring(from, i).toLowerCase(Locale.ROOT);
    }

    private int line(int index) {
        return SourcePositions.line(source, index);
    }

    private TemplateException error(int index, TemplateProblem problem, List<?> arguments, String what) {
        int line = line(index);
        int column = SourcePositions.column(source, index);
        return new TemplateException(
                TemplatePart.HTML_BODY,
                null,
                line,
                column,
                problem,
                arguments,
                "In the HTML body at line " + line + ", column " + column + ": " + what);
    }
}
