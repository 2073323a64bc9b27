package org.sealpost.mailformat.internal;

/**
 * Removes RFC 5322 §3.2.2 comments — parenthesised text, nestable — from a structured header
 * value, as in {@code text/plain (the body); charset=utf-8} or {@code Tue, 1 Jul 2003 10:52:37
 * +0200 (CEST)}. An unbalanced ")" is kept as text: damaged headers are read, not refused.
 */
final class HeaderComments {

    private HeaderComments() {}

    static String strip(String text) {
        if (text.indexOf('(') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
