package org.sealpost.mailformat.internal;

import java.util.Arrays;
import java.util.Locale;
import org.sealpost.mailformat.MimeProblem.Kind;

/**
 * Decodes a part's Content-Transfer-Encoding (RFC 2045 section 6) without ever failing: the JDK's
 * and Jakarta Mail's decoders throw at the first damaged byte (or, with
 * {@code mail.mime.base64.ignoreerrors}, a JVM-wide switch, skip it silently). Here damage is
 * skipped and reported, so a truncated attachment still shows what arrived.
 *
 * <p>Reads a range of the message's one array in place; can stop keeping bytes at a limit (a body
 * text shown on the page) and can count instead of keep (an attachment's size), so neither
 * needs the decoded bytes in memory.
 */
public final class TransferDecoding {

    /** Decoded bytes, at most the limit asked for; {@code truncated} when there were more. */
    public record Decoded(byte[] bytes, boolean truncated) {}

    private TransferDecoding() {}

    public static byte[] decode(byte[] raw, String encoding, String where, Problems problems) {
        return decode(raw, 0, raw.length, encoding, where, problems);
    }

    public static byte[] decode(byte[] data, int from, int to, String encoding, String where, Problems problems) {
        return decode(data, from, to, encoding, where, problems, Integer.MAX_VALUE - 16)
                .bytes();
    }

    public static Decoded decode(
            byte[] data, int from, int to, String encoding, String where, Problems problems, int limit) {
        String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        long expected = name.equals("base64") ? (to - from) * 3L / 4 + 3 : to - from;
        Output out = new Output(limit, expected);
        run(data, from, to, encoding, where, problems, out);
        return new Decoded(out.toByteArray(), out.size > limit);
    }

    /** The decoded size, counted: nothing is kept. */
    public static long decodedSize(byte[] data, int from, int to, String encoding, String where, Problems problems) {
        Output out = new Output(0, 0);
        run(data, from, to, encoding, where, problems, out);
        return out.size;
    }

    private static void run(
            byte[] data, int from, int to, String encoding, String where, Problems problems, Output out) {
        String name = encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "", "7bit", "8bit", "binary" -> out.write(data, from, to - from);
            case "base64" -> base64(data, from, to, where, problems, out);
            case "quoted-printable" -> quotedPrintable(data, from, to, where, problems, out);
            default -> {
                problems.add(
                        Kind.UNKNOWN_TRANSFER_ENCODING,
                        where + " uses Content-Transfer-Encoding \"" + HeaderText.safeToken(name)
                                + "\"; its content is passed on undecoded");
                out.write(data, from, to - from);
            }
        }
    }

    public static byte[] base64(byte[] raw, String where, Problems problems) {
        Output out = new Output(Integer.MAX_VALUE - 16, raw.length * 3 / 4 + 3);
        base64(raw, 0, raw.length, where, problems, out);
        return out.toByteArray();
    }

    /**
     * Base64 (RFC 2045 section 6.8): characters outside the alphabet are skipped, padding ends a
     * group (so concatenated base64 blocks decode too), a dangling last character is dropped.
     */
    private static void base64(byte[] raw, int from, int to, String where, Problems problems, Output out) {
        int buffer = 0;
        int group = 0;
        long invalid = 0;
        boolean dangling = false;
        for (int i = from; i < to; i++) {
            byte b = raw[i];
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
            problems.add(
                    Kind.BAD_TRANSFER_ENCODING,
                    where + " has " + invalid + " character(s) outside the base64 alphabet; they were skipped");
        }
        if (dangling) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has an incomplete base64 group; it was dropped");
        }
    }

    /** Writes a partial group; returns {@code true} when it was a single, unusable character. */
    private static boolean flush(Output out, int buffer, int group) {
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

    public static byte[] quotedPrintable(byte[] raw, String where, Problems problems) {
        Output out = new Output(Integer.MAX_VALUE - 16, raw.length);
        quotedPrintable(raw, 0, raw.length, where, problems, out);
        return out.toByteArray();
    }

    /**
     * Quoted-printable (RFC 2045 section 6.7): soft line breaks removed, {@code =XX} in either case
     * decoded, an {@code =} that starts no escape kept as written (rule 1's advice to readers),
     * trailing white space of a line dropped (rule 3).
     */
    private static void quotedPrintable(byte[] raw, int from, int to, String where, Problems problems, Output out) {
        boolean broken = false;
        int lineStart = from;
        while (lineStart < to) {
            int lineEnd = lineStart;
            while (lineEnd < to && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            boolean hasBreak = lineEnd < to;
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
            problems.add(
                    Kind.BAD_TRANSFER_ENCODING,
                    where + " has a quoted-printable '=' that starts no escape;" + " it was kept as written");
        }
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /**
     * Where decoded bytes go: kept up to {@code limit}, counted all the same. Not a
     * ByteArrayOutputStream: that one synchronises every byte and grows by doubling past any limit.
     */
    private static final class Output {
        private final int limit;
        private byte[] buffer;
        private int kept;
        long size;

        Output(int limit, long expected) {
            this.limit = limit;
            this.buffer = new byte[(int) Math.min(Math.max(expected, 0), limit)];
        }

        void write(int b) {
            if (kept < limit) {
                if (kept == buffer.length) {
                    grow(kept + 1);
                }
                buffer[kept++] = (byte) b;
            }
            size++;
        }

        void write(byte[] data, int offset, int length) {
            int keep = (int) Math.min(length, (long) limit - kept);
            if (keep > 0) {
                if (kept + keep > buffer.length) {
                    grow(kept + keep);
                }
                System.arraycopy(data, offset, buffer, kept, keep);
                kept += keep;
            }
            size += length;
        }

        private void grow(int needed) {
            long doubled = Math.max((long) buffer.length * 2, 64);
            buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(doubled, needed), limit));
        }

        byte[] toByteArray() {
            return kept == buffer.length ? buffer : Arrays.copyOf(buffer, kept);
        }
    }
}
