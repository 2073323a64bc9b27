package org.sealpost.mailformat.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Independent checks of sanitised output, written without the sanitizer's own code so a bug in
 * the policy cannot hide itself. Attribute values are entity-decoded first, because the browser
 * decodes them before it looks at a URL scheme.
 */
final class HtmlChecks {

    private static final Pattern FORBIDDEN_ELEMENT = Pattern.compile(
            "<\\s*/?\\s*(script|iframe|frame|frameset|object|embed|form|input|button|textarea|select|meta|link|base"
                    + "|style|svg|math|template|noscript|html|head|body)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern EVENT_HANDLER = Pattern.compile("[\\s/\"']on\\w+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?");
    private static final Pattern BAD_SCHEME =
            Pattern.compile("(javascript|vbscript|livescript):|data:text", Pattern.CASE_INSENSITIVE);

    private HtmlChecks() {}

    /** Everything wrong with {@code html}; empty when it is safe to show. */
    static List<String> violations(String html, boolean remoteImagesAllowed) {
        List<String> found = new ArrayList<>();
        Matcher forbidden = FORBIDDEN_ELEMENT.matcher(html);
        while (forbidden.find()) {
            found.add("forbidden element " + forbidden.group());
        }
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            if (EVENT_HANDLER.matcher(tag).find()) {
                found.add("event handler in " + tag);
            }
            // Browsers drop tabs, line breaks and NULs inside a URL scheme.
            String decoded = decodeEntities(tag).replaceAll("[\\t\\n\\r\\x00]", "");
            if (BAD_SCHEME.matcher(decoded).find()) {
                found.add("script or data URL in " + tag);
            }
            Matcher attribute = ATTRIBUTE.matcher(tag);
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = decodeEntities(attribute.group(2)).strip().toLowerCase(Locale.ROOT);
                if (name.equals("srcset")
                        || name.equals("background")
                        || name.equals("ping")
                        || name.equals("formaction")
                        || name.equals("srcdoc")) {
                    found.add("attribute " + name + " in " + tag);
                }
                if (name.equals("style")
                        && (value.contains("url(")
                                || value.contains("expression")
                                || value.contains("behavior")
                                || value.contains("//"))) {
                    found.add("style that loads or runs something in " + tag);
                }
                if (!remoteImagesAllowed && name.equals("src") && value.matches("(https?:)?//.*")) {
                    found.add("remote src in " + tag);
                }
            }
        }
        return found;
    }

    /** Numeric references and the named ones that matter for URLs; enough for these checks. */
    static String decodeEntities(String text) {
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int codePoint = numeric.group(1) != null
                    ? Integer.parseInt(numeric.group(1), 16)
                    : Integer.parseInt(numeric.group(2));
            numeric.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(codePoint))));
        }
        numeric.appendTail(out);
        return out.toString()
                .replace("&colon;", ":")
                .replace("&Tab;", "\t")
                .replace("&NewLine;", "\n")
                .replace("&sol;", "/")
                .replace("&lpar;", "(")
                .replace("&rpar;", ")")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
