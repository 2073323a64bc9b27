package org.sealpost.portal.message.view;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.sealpost.portal.message.mime.MimeProblem.Kind;
import org.sealpost.portal.message.mime.internal.HeaderText;
import org.sealpost.portal.message.mime.internal.Problems;

/**
 * Decodes a part's Content-Transfer-Encoding (RFC 2045 section 6) without ever failing: the JDK's
 * and Jakarta Mail's decoders throw at the first damaged byte (or, with
 * {@code mail.mime.base64.ignoreerrors}, a JVM-wide switch, skip it silently). Here damage is
 * skipped and reported, so a truncated attachment still shows what arrived.
 */
final class TransferDecoding {

    private TransferDecoding() {
    }

    static byte[] decode(byte[] raw, String encoding, String where, Problems problems) {
        String name = encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "7bit", "8bit", "binary" -> raw;
            case "base64" -> base64(raw, where, problems);
            case "quoted-printable" -> quotedPrintable(raw, where, problems);
            default -> {
                problems.add(Kind.UNKNOWN_TRANSFER_ENCODING, where + " uses Content-Transfer-Encoding \""
                        + HeaderText.safeToken(name) + "\"; its content is passed on undecoded");
                yield raw;
            }
        };
    }

    /**
     * Base64 (RFC 2045 section 6.8): characters outside the alphabet are skipped, padding ends a
     * group (so concatenated base64 blocks decode too), a dangling last character is dropped.
     */
    static byte[] base64(byte[] raw, String where, Problems problems) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 3 / 4 + 3);
        int buffer = 0;
        int group = 0;
        long invalid = 0;
        boolean dangling = false;
        for (byte b : raw) {
            int value = base64Value(b);
            if (value >= 0) {
                buffer = (buffer << 6) | value;
                if (++group == 4) {
                    out.write(buffer >> 16);
                    out.write(buffer >> 8);
                    out.write(buffer);
                    buffer = 0;
                    group = 0;
                }
            } else if (b == '=') {
                dangling |= flush(out, buffer, group);
                buffer = 0;
                group = 0;
            } else if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                invalid++;
            }
        }
        if (group > 0) {
            dangling |= flush(out, buffer, group);
        }
        if (invalid > 0) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has " + invalid
                    + " character(s) outside the base64 alphabet; they were skipped");
        }
        if (dangling) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has an incomplete base64 group; it was dropped");
        }
        return out.toByteArray();
    }

    /** Writes a partial group; returns {@code true} when it was a single, unusable character. */
    private static boolean flush(ByteArrayOutputStream out, int buffer, int group) {
        switch (group) {
            case 2 -> out.write(buffer >> 4);
            case 3 -> {
                out.write(buffer >> 10);
                out.write(buffer >> 2);
            }
            default -> {
                return group == 1;
            }
        }
        return false;
    }

    private static int base64Value(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        return b == '+' ? 62 : b == '/' ? 63 : -1;
    }

    /**
     * Quoted-printable (RFC 2045 section 6.7): soft line breaks removed, {@code =XX} in either case
     * decoded, an {@code =} that starts no escape kept as written (rule 1's advice to readers),
     * trailing white space of a line dropped (rule 3).
     */
    static byte[] quotedPrintable(byte[] raw, String where, Problems problems) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        boolean broken = false;
        int lineStart = 0;
        while (lineStart < raw.length) {
            int lineEnd = lineStart;
            while (lineEnd < raw.length && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            boolean hasBreak = lineEnd < raw.length;
            int contentEnd = lineEnd;
            if (contentEnd > lineStart && raw[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            while (contentEnd > lineStart && (raw[contentEnd - 1] == ' ' || raw[contentEnd - 1] == '\t')) {
                contentEnd--;
            }
            boolean soft = contentEnd > lineStart && raw[contentEnd - 1] == '=';
            if (soft) {
                contentEnd--;
            }
            for (int i = lineStart; i < contentEnd; i++) {
                byte b = raw[i];
                if (b == '=' && i + 2 < contentEnd && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                    out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                    i += 2;
                } else {
                    if (b == '=') {
                        broken = true;
                    }
                    out.write(b);
                }
            }
            if (hasBreak && !soft) {
                out.write('\r');
                out.write('\n');
            }
            lineStart = lineEnd + 1;
        }
        if (broken) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has a quoted-printable '=' that starts no escape;"
                    + " it was kept as written");
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
