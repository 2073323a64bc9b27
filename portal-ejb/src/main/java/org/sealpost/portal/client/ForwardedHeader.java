package org.sealpost.portal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header a trusted proxy writes the client chain into. Only one is read: a proxy that
 * writes {@code X-Forwarded-For} passes a client's own {@code Forwarded} header on untouched
 * (nginx does), so reading both would let the client choose its address.
 */
public enum ForwardedHeader {

    /** {@code X-Forwarded-For: client, proxy1, proxy2} (de facto; nginx's {@code $proxy_add_x_forwarded_for}). */
    X_FORWARDED_FOR("X-Forwarded-For"),

    /** RFC 7239 §4: {@code Forwarded: for=client;proto=https, for=proxy1}. */
    FORWARDED("Forwarded");

    private final String name;

    ForwardedHeader(String name) {
        this.name = name;
    }

    public String headerName() {
        return name;
    }

    public static ForwardedHeader named(String text) {
        for (ForwardedHeader h : values()) {
            if (h.name.equalsIgnoreCase(text.strip())) {
                return h;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is neither X-Forwarded-For nor Forwarded");
    }

    /**
     * The hops of the chain, leftmost (the first proxy's client) first, each as the node text
     * without port or brackets; several header lines are one list in order (RFC 9110 §5.3).
     */
    public List<String> hops(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String element : splitOutsideQuotes(line, ',')) {
                if (this == X_FORWARDED_FOR) {
                    hops.add(node(element.strip()));
                } else {
                    hops.add(node(forParameter(element)));
                }
            }
        }
        return hops;
    }

    /** The {@code for} parameter of one forwarded-element (RFC 7239 §4), unquoted; "" if absent. */
    private static String forParameter(String element) {
        for (String pair : splitOutsideQuotes(element, ';')) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                return unquote(pair.substring(eq + 1).strip());
            }
        }
        return "";
    }

    /** The {@code proto} parameter of the rightmost forwarded-element, lower case; "" if absent. */
    static String lastProto(List<String> headerLines) {
        String proto = "";
        for (String line : headerLines) {
            for (String element : splitOutsideQuotes(line, ',')) {
                proto = "";
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0
                            && pair.substring(0, eq)
                                    .strip()
                                    .toLowerCase(Locale.ROOT)
                                    .equals("proto")) {
                        proto = unquote(pair.substring(eq + 1).strip()).toLowerCase(Locale.ROOT);
                    }
                }
            }
        }
        return proto;
    }

    /**
     * The address of a node: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}
     * (RFC 7239 §6) or a bare IPv6 literal as X-Forwarded-For writes it.
     */
    private static String node(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close < 0 ? text : text.substring(1, close);
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && colon == text.lastIndexOf(':')) {
            return text.substring(0, colon);
        }
        return text;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }
}
