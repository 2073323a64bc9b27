package org.sealpost.bridge.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals without ever consulting DNS: configuration and CIDR blocks name
 * addresses, and {@link InetAddress#getByName} would silently resolve a typo as a host name.
 */
public final class IpLiteral {

    private IpLiteral() {}

    /**
     * Parses a dotted-quad IPv4 or an RFC 4291 §2.2 IPv6 literal (no zone index).
     *
     * @throws IllegalArgumentException if {@code text} is not such a literal
     */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty IP address");
        }
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    private static InetAddress parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (a.b.c.d)");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            // Leading zeros are refused: some parsers read them as octal (CVE-2021-29921 style).
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (a.b.c.d)");
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (a.b.c.d)");
            }
            bytes[i] = (byte) value;
        }
        return byAddress(text, bytes);
    }

    private static InetAddress parseIpv6(String text) {
        // Only hex digits, colons and dots (embedded IPv4) may appear; with that guaranteed,
        // getByName takes the literal path and never performs a lookup.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
            }
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address", e);
        }
    }

    private static InetAddress byAddress(String text, byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }
}
