package org.sealpost.portal.certificate;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names as a certificate may name them (RFC 1123 §2.1 labels, RFC 6125 §6.4.3 wildcards). */
final class DnsNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DnsNames() {}

    /** A host name of letters, digits and hyphens, labels of 1 to 63 characters, 253 at most. */
    static boolean isHostName(String name) {
        if (name == null || name.isEmpty() || name.length() > 253 || name.endsWith(".")) {
            return false;
        }
        for (String label : name.toLowerCase(Locale.ROOT).split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A fully qualified host name: at least two labels, the last not all digits. */
    static boolean isFullyQualified(String name) {
        if (!isHostName(name) || !name.contains(".")) {
            return false;
        }
        String last = name.substring(name.lastIndexOf('.') + 1);
        return !last.chars().allMatch(Character::isDigit);
    }

    /** A host name, or {@code *.} followed by a fully qualified one. */
    static boolean isSubjectAltName(String name) {
        if (name != null && name.startsWith("*.")) {
            return isFullyQualified(name.substring(2));
        }
        return isHostName(name);
    }

    /** Whether {@code presented} (possibly a wildcard) covers {@code host}, per RFC 6125 §6.4.3. */
    static boolean matches(String presented, String host) {
        String p = presented.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(p.substring(2));
        }
        return p.equals(h);
    }
}
