package org.sealpost.portal.notification.template;

/** How values are made safe for the place they are written to. */
final class ValueText {

    private ValueText() {}

    /**
     * {@code value} as one line: every run of control characters (Unicode category Cc, which
     * includes CR, LF, TAB and NUL) and of line or paragraph separators becomes one space, and
     * bidirectional formatting characters are removed.
     *
     * <p>The first stops header injection (RFC 5322 section 2.2: CR and LF end a header field, so a
     * sender name "Anna\r\nBcc: x" must not reach the Subject as two lines) and forged extra
     * lines in the bodies. The second stops a name from reordering the text around it, the
     * "Trojan Source" trick (CVE-2021-42574) applied to a display name such as
     * "Anna\u202Egpj.exe".
     */
    static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean inBreak = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp)) {
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                if (!inBreak) {
                    out.append(' ');
                    inBreak = true;
                }
                continue;
            }
            inBreak = false;
            out.appendCodePoint(cp);
        }
        return out.toString().strip();
    }

    /** Unicode's explicit directional formatting characters (UAX #9, section 2) and marks. */
    private static boolean isBidiControl(int cp) {
        return cp == 0x061C
                || cp == 0x200E
                || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /**
     * {@code value} escaped for HTML text and quoted attribute values: the five characters of the
     * OWASP XSS Prevention Cheat Sheet's HTML entity encoding. {@code '} becomes {@code &#39;}
     * because {@code &apos;} is not HTML 4, which some mail clients still parse by.
     */
    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
