package org.sealpost.portal.notification.template;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Follows an HTML template's literal text far enough to know where each placeholder would land,
 * because HTML escaping protects a value only in some places (OWASP XSS Prevention Cheat Sheet,
 * "Output Encoding for HTML Contexts" versus the other contexts): in element text and inside a
 * quoted attribute value, an escaped value cannot leave its context; unquoted in a tag, inside a
 * comment, a script or a style, or at the start of a URL attribute (where {@code javascript:}
 * needs no special characters), it can. Placeholders are refused in those places when the
 * template is saved.
 *
 * <p>This is a tokenizer in the spirit of the HTML Standard's, section 13.2.5, reduced to the
 * states that decide the question: text, tag, attribute name and value (quoted or not),
 * comment or declaration, and the raw text of {@code script} and {@code style}.
 */
final class HtmlContext {

    private enum State {
        DATA,
        TAG_OPEN,
        TAG_NAME,
        END_TAG_NAME,
        IN_TAG,
        ATTRIBUTE_NAME,
        AFTER_ATTRIBUTE_NAME,
        BEFORE_VALUE,
        VALUE_DOUBLE_QUOTED,
        VALUE_SINGLE_QUOTED,
        VALUE_UNQUOTED,
        DECLARATION,
        COMMENT,
        RAW_TEXT
    }

    /** Attributes whose value is a URL (HTML Standard attribute index, plus legacy ones mail clients honour). */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "background",
            "cite",
            "poster",
            "srcset",
            "longdesc",
            "lowsrc",
            "dynsrc",
            "usemap",
            "xlink:href",
            "ping");

    private State state = State.DATA;
    private final StringBuilder tagName = new StringBuilder();
    private final StringBuilder attributeName = new StringBuilder();
    private boolean closingTag;
    private String rawTextEnd;
    private final StringBuilder recent = new StringBuilder();
    private int valueLength;
    /** How many {@code <a>} elements are open where the text is. */
    private int openAnchors;

    /** Consumes literal template text. */
    void feed(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            step(text.charAt(i));
        }
    }

    /** Records that a value was written at the current place (it is text, not markup). */
    void valueWritten() {
        valueLength++;
    }

    /**
     * Why a placeholder may not stand where it is: the code and arguments for the administrator's
     * page, and the English description for the log.
     */
    record Refusal(TemplateProblem problem, List<String> arguments, String description) {}

    /**
     * Why {@code placeholder} may not stand at the current place, or {@code null} if it may.
     */
    Refusal refusal(Placeholder placeholder) {
        String tag = placeholder.tag();
        return switch (state) {
            case DATA ->
                placeholder.isOneTimeLink() && openAnchors == 0
                        ? new Refusal(
                                TemplateProblem.ONE_TIME_LINK_OUTSIDE_LINK,
                                List.of(tag),
                                "a one-time link may stand in text only inside <a href=\"" + placeholder.tag()
                                        + "\">…</a>, "
                                        + "so that the address the reader sees is the one the link opens")
                        : null;
            case VALUE_DOUBLE_QUOTED, VALUE_SINGLE_QUOTED -> attributeRefusal(placeholder);
            case COMMENT, DECLARATION ->
                new Refusal(
                        TemplateProblem.IN_COMMENT,
                        List.of(tag),
                        "placeholders cannot stand in an HTML comment or declaration");
            case RAW_TEXT ->
                new Refusal(
                        TemplateProblem.IN_RAW_TEXT,
                        List.of(tag, rawTextEnd.substring(2)),
                        "placeholders cannot stand inside <" + rawTextEnd.substring(2)
                                + ">: escaping does not apply to script or style content");
            default ->
                new Refusal(
                        TemplateProblem.INSIDE_TAG,
                        List.of(tag),
                        "placeholders can stand in text or inside a quoted attribute value (name=\"…\"), "
                                + "not elsewhere in a tag, where a value could add attributes");
        };
    }

    private Refusal attributeRefusal(Placeholder placeholder) {
        String name = attributeName.toString().toLowerCase(Locale.ROOT);
        String tag = placeholder.tag();
        if (name.startsWith("on")) {
            return new Refusal(
                    TemplateProblem.IN_EVENT_HANDLER,
                    List.of(tag, name),
                    "placeholders cannot stand in an event-handler attribute (" + name + "), which is script");
        }
        if (name.equals("style")) {
            return placeholder.isColour()
                    ? null
                    : new Refusal(
                            TemplateProblem.IN_STYLE,
                            List.of(tag, Placeholder.ACCENT_COLOUR.tag()),
                            "only {{accentColour}} may stand in a style attribute: escaping does not make CSS safe");
        }
        if (placeholder.isLink() && !name.equals("href")) {
            // In src, background or srcset a mail client fetches the address by itself when the
            // mail is opened (or a scanner does before): a one-time link would be spent unseen.
            return new Refusal(
                    TemplateProblem.LINK_IN_FETCHED_ATTRIBUTE,
                    List.of(tag, name),
                    "a link placeholder may stand only in an href attribute (or as the text of a link), not in "
                            + name);
        }
        if (URL_ATTRIBUTES.contains(name) && valueLength == 0 && !placeholder.isLink()) {
            return new Refusal(
                    TemplateProblem.URL_ATTRIBUTE_START,
                    List.of(tag, name),
                    "only {{portalLink}} or {{registrationLink}} may begin a " + name + " value; another value "
                            + "could be a javascript: URL (write, for instance, " + name + "=\"mailto:"
                            + placeholder.tag() + "\")");
        }
        return null;
    }

    private void step(char c) {
        recent.append(c);
        if (recent.length() > 16) {
            recent.delete(0, recent.length() - 16);
        }
        switch (state) {
            case DATA -> {
                if (c == '<') {
                    state = State.TAG_OPEN;
                }
            }
            case TAG_OPEN -> {
                tagName.setLength(0);
                closingTag = c == '/';
                if (c == '!') {
                    state = State.DECLARATION;
                } else if (c == '/') {
                    state = State.END_TAG_NAME;
                } else if (Character.isLetter(c)) {
                    tagName.append(c);
                    state = State.TAG_NAME;
                } else {
                    state = c == '<' ? State.TAG_OPEN : State.DATA;
                }
            }
            case DECLARATION -> {
                if (endsWith("<!--")) {
                    state = State.COMMENT;
                } else if (c == '>') {
                    state = State.DATA;
                }
            }
            case COMMENT -> {
                if (c == '>' && endsWith("-->")) {
                    state = State.DATA;
                }
            }
            case TAG_NAME, END_TAG_NAME -> {
                if (c == '>') {
                    endOfTag();
                } else if (Character.isWhitespace(c) || c == '/') {
                    state = State.IN_TAG;
                } else {
                    tagName.append(c);
                }
            }
            case IN_TAG -> {
                if (c == '>') {
                    endOfTag();
                } else if (!Character.isWhitespace(c) && c != '/') {
                    startAttribute(c);
                }
            }
            case ATTRIBUTE_NAME -> {
                if (c == '>') {
                    endOfTag();
                } else if (c == '=') {
                    state = State.BEFORE_VALUE;
                } else if (Character.isWhitespace(c)) {
                    state = State.AFTER_ATTRIBUTE_NAME;
                } else if (c == '/') {
                    state = State.IN_TAG;
                } else {
                    attributeName.append(c);
                }
            }
            case AFTER_ATTRIBUTE_NAME -> {
                if (c == '>') {
                    endOfTag();
                } else if (c == '=') {
                    state = State.BEFORE_VALUE;
                } else if (!Character.isWhitespace(c) && c != '/') {
                    startAttribute(c);
                }
            }
            case BEFORE_VALUE -> {
                valueLength = 0;
                if (c == '"') {
                    state = State.VALUE_DOUBLE_QUOTED;
                } else if (c == '\'') {
                    state = State.VALUE_SINGLE_QUOTED;
                } else if (c == '>') {
                    endOfTag();
                } else if (!Character.isWhitespace(c)) {
                    state = State.VALUE_UNQUOTED;
                }
            }
            case VALUE_DOUBLE_QUOTED -> inQuotedValue(c == '"');
            case VALUE_SINGLE_QUOTED -> inQuotedValue(c == '\'');
            case VALUE_UNQUOTED -> {
                if (c == '>') {
                    endOfTag();
                } else if (Character.isWhitespace(c)) {
                    state = State.IN_TAG;
                }
            }
            case RAW_TEXT -> {
                if (endsWithIgnoringCase(rawTextEnd)) {
                    tagName.setLength(0);
                    closingTag = true;
                    state = State.END_TAG_NAME;
                }
            }
            default -> throw new IllegalStateException(state.toString());
        }
    }

    private void inQuotedValue(boolean closingQuote) {
        if (closingQuote) {
            state = State.IN_TAG;
        } else {
            valueLength++;
        }
    }

    private void startAttribute(char first) {
        attributeName.setLength(0);
        attributeName.append(first);
        state = State.ATTRIBUTE_NAME;
    }

    private void endOfTag() {
        String name = tagName.toString().toLowerCase(Locale.ROOT);
        boolean opening = !closingTag && !endsWith("/>");
        if (name.equals("a")) {
            openAnchors = closingTag ? Math.max(0, openAnchors - 1) : openAnchors + (opening ? 1 : 0);
        }
        if (opening && (name.equals("script") || name.equals("style"))) {
            rawTextEnd = "</" + name;
            state = State.RAW_TEXT;
        } else {
            state = State.DATA;
        }
    }

    private boolean endsWith(String suffix) {
        return recent.length() >= suffix.length()
                && recent.substring(recent.length() - suffix.length()).equals(suffix);
    }

    private boolean endsWithIgnoringCase(String suffix) {
        return recent.length() >= suffix.length()
                && recent.substring(recent.length() - suffix.length()).equalsIgnoreCase(suffix);
    }
}
