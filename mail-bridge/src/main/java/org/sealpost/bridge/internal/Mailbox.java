package org.sealpost.bridge.internal;

import java.util.Locale;

/**
 * An RFC 5321 §4.1.2 Mailbox ({@code Local-part "@" Domain}), as found in a Path.
 *
 * @param localPart the local part as sent (a Dot-string or a Quoted-string with its quotes)
 * @param domain the domain or address literal as sent; empty only for the special
 *     {@code <Postmaster>} recipient of RFC 5321 §4.5.1
 */
public record Mailbox(String localPart, String domain) {

    /** Maximum lengths from RFC 5321 §4.5.3.1.1 and §4.5.3.1.2. */
    static final int MAX_LOCAL_PART = 64;

    static final int MAX_DOMAIN = 255;

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    /** The address as the sink sees it, e.g. {@code alice@example.org}. */
    public String address() {
        return domain.isEmpty() ? localPart : localPart + "@" + domain;
    }

    /** The domain in lower case, for comparisons (domains are case-insensitive, RFC 5321 §2.4). */
    public String domainLowerCase() {
        return domain.toLowerCase(Locale.ROOT);
    }

    public boolean isPostmaster() {
        return domain.isEmpty();
    }

    @Override
    public String toString() {
        return address();
    }

    /**
     * Parses an address as {@link #address()} renders it, including the bare {@code postmaster}.
     *
     * @return the mailbox, or {@code null} if the text is not one
     */
    public static Mailbox parseAddress(String address) {
        if (address != null && address.equalsIgnoreCase("postmaster")) {
            return new Mailbox(address, "");
        }
        return address == null ? null : parse(address);
    }

    /**
     * Parses a Mailbox (the text between the angle brackets, source route already removed).
     *
     * @return the mailbox, or {@code null} if the text is not a valid Mailbox
     */
    static Mailbox parse(String text) {
        int at = localPartEnd(text);
        if (at < 0 || at >= text.length() || text.charAt(at) != '@') {
            return null;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.length() > MAX_LOCAL_PART || !(isDotString(local) || isQuotedString(local))) {
            return null;
        }
        if (!(isDomain(domain) || isAddressLiteral(domain))) {
            return null;
        }
        return new Mailbox(local, domain);
    }

    /** Index just after the local part: after the closing quote, or of the last '@'. */
    private static int localPartEnd(String text) {
        if (!text.startsWith("\"")) {
            return text.lastIndexOf('@');
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** RFC 5321 Dot-string: atoms of RFC 5322 atext separated by single dots. */
    static boolean isDotString(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && !isAtext(c)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 5321 Quoted-string: qtextSMTP (%d32-33 / %d35-91 / %d93-126) or quoted-pairSMTP. */
    static boolean isQuotedString(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return false;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                if (i >= s.length() - 1 || s.charAt(i) < 32 || s.charAt(i) > 126) {
                    return false;
                }
            } else if (c < 32 || c > 126 || c == '"') {
                return false;
            }
        }
        return true;
    }

    /** RFC 5321 Domain: sub-domains of Let-dig [Ldh-str], at most 63 octets each (RFC 1035). */
    public static boolean isDomain(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_DOMAIN) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(isLetterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** RFC 5321 address-literal: "[" ... "]" with dcontent (%d33-90 / %d94-126) inside. */
    static boolean isAddressLiteral(String s) {
        if (s.length() < 3 || s.length() > MAX_DOMAIN || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            return false;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126 || c == '[' || c == '\\' || c == ']') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtext(char c) {
        return isLetterOrDigit(c) || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
