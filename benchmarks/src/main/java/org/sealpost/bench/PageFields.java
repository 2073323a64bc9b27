package org.sealpost.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The values a rendered JSF page holds in its form fields, read the way a browser would submit them. */
final class PageFields {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

    private PageFields() {}

    /** The value of the input with this name, "" when it has none. */
    static String input(String html, String name) {
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            String tag = m.group();
            if (tag.contains("name=\"" + name + "\"")) {
                Matcher v = VALUE.matcher(tag);
                return v.find() ? unescape(v.group(1)) : "";
            }
        }
        return "";
    }

    /** The text of the textarea with this name. */
    static String textarea(String html, String name) {
        Matcher m = Pattern.compile(
                        "<textarea\\b[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>(.*?)</textarea>", Pattern.DOTALL)
                .matcher(html);
        return m.find() ? unescape(m.group(1)) : "";
    }

    /** The name of the page's file input. */
    static String fileInputName(String html) {
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            if (m.group().contains("type=\"file\"")) {
                Matcher n = NAME.matcher(m.group());
                if (n.find()) {
                    return n.group(1);
                }
            }
        }
        throw new IllegalStateException("no file input on the page");
    }

    /** The page's CSP nonce, as PrimeFaces' {@code PrimeFaces.csp.init('…')} receives it. */
    static String cspNonce(String html) {
        Matcher m = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSP nonce on the page");
        }
        return m.group(1);
    }

    static String unescape(String s) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);")
                .matcher(s.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&#39;", "'"));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(Character.toString(
                            Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
        }
        m.appendTail(out);
        return out.toString().replace("&amp;", "&");
    }
}
