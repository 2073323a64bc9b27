package org.sealpost.portal.search;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a reader sees in an HTML body, for the index: tags dropped (block elements and
 * line breaks become spaces, so "a</p><p>b" stays two words, while inline markup such as
 * {@code M<b>ü</b>ller} joins up again), character references decoded, white space collapsed.
 *
 * <p>Fed the sanitised HTML of {@link org.sealpost.mailformat.view.MessageRendering}:
 * scripts, styles and comments are already gone there, so what is left is markup around
 * text. Not a general HTML parser, and it needs not be one: a word it splits wrongly is a word
 * that a search does not find, never a security problem (nothing here is ever rendered).
 */
final class HtmlText {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|tfoot|caption|h[1-6]|blockquote|pre"
                    + "|section|article|header|footer|nav|aside|address|center|img)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern REFERENCE =
            Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("shy", ""),
            Map.entry("ndash", "–"),
            Map.entry("mdash", "—"),
            Map.entry("hellip", "…"),
            Map.entry("euro", "€"),
            Map.entry("copy", "©"),
            Map.entry("laquo", "«"),
            Map.entry("raquo", "»"),
            Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"),
            Map.entry("auml", "ä"),
            Map.entry("ouml", "ö"),
            Map.entry("uuml", "ü"),
            Map.entry("Auml", "Ä"),
            Map.entry("Ouml", "Ö"),
            Map.entry("Uuml", "Ü"),
            Map.entry("szlig", "ß"),
            Map.entry("eacute", "é"),
            Map.entry("egrave", "è"),
            Map.entry("agrave", "à"),
            Map.entry("ccedil", "ç"));

    private HtmlText() {}

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = COMMENT.matcher(html).replaceAll(" ");
        text = BLOCK_TAG.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        text = decode(text);
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement;
            if (m.group(1) != null || m.group(2) != null) {
                int codePoint = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                replacement = Character.isValidCodePoint(codePoint) && codePoint != 0
                        ? new String(Character.toChars(codePoint))
                        : " ";
            } else {
                replacement = NAMED.getOrDefault(m.group(3), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
