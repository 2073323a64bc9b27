package org.sealpost.bridge.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads header fields from the top of a raw message (RFC 5322 §2.2) without a MIME parser, and
 * without ever throwing: the input is whatever a client sent.
 *
 * <p>Tolerances, each for input seen in real mail: lines may end in CRLF or a bare LF; bytes
 * above 127 are taken as ISO-8859-1 (so nothing fails to decode); a field name may be followed
 * by white space before the colon (RFC 5322 §4.5.3, obs-optional). The header section ends at
 * the first empty line, or, if the separator is missing, at the first line that is neither a
 * header field nor a continuation; a message that is nothing but header fields is all header.
 */
public final class HeaderSection {

    private HeaderSection() {}

    /**
     * The unfolded values (RFC 5322 §2.2.3) of every field named {@code fieldName}
     * (case-insensitive), in order.
     */
    public static List<String> values(byte[] message, String fieldName) {
        List<String> values = new ArrayList<>();
        String currentName = null;
        StringBuilder currentValue = new StringBuilder();
        int position = 0;
        while (position < message.length) {
            int lineEnd = indexOf(message, (byte) '\n', position);
            int next = lineEnd < 0 ? message.length : lineEnd + 1;
            int contentEnd = lineEnd < 0 ? message.length : lineEnd;
            if (contentEnd > position && message[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            String line = new String(message, position, contentEnd - position, StandardCharsets.ISO_8859_1);
            position = next;

            if (line.isEmpty()) {
                break;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (currentName == null) {
                    continue; // a continuation with nothing to continue: skip it
                }
                currentValue.append(line);
                continue;
            }
            collect(values, fieldName, currentName, currentValue);
            currentName = fieldNameOf(line);
            currentValue.setLength(0);
            if (currentName == null) {
                break; // not a header field: the body started without a separator
            }
            currentValue.append(line, line.indexOf(':') + 1, line.length());
        }
        collect(values, fieldName, currentName, currentValue);
        return values;
    }

    private static void collect(List<String> values, String wanted, String name, StringBuilder value) {
        if (name != null && name.equalsIgnoreCase(wanted)) {
            values.add(value.toString());
        }
    }

    /** RFC 5322 §3.6.8 field-name: printable ASCII except colon; null if the line has none. */
    private static String fieldNameOf(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String name = line.substring(0, colon).stripTrailing();
        if (name.isEmpty()) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126) {
                return null;
            }
        }
        return name;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
