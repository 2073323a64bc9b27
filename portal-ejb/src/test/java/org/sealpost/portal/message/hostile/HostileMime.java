package org.sealpost.portal.message.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hostile MIME, generated: each message is built here from a few lines of code instead of
 * being checked in, so the set can hold 25 MiB messages without a 25 MiB file in git.
 */
public final class HostileMime {

    private static final int MIB = 1024 * 1024;

    private HostileMime() {}

    /** Every message of the set by name; built only when asked for, one at a time. */
    public static Map<String, Supplier<byte[]>> set() {
        Map<String, Supplier<byte[]>> set = new LinkedHashMap<>();
        set.put("nested-100-deep", () -> nested(100, 64 * 1024));
        set.put("nested-20-deep-25MiB", () -> nested(20, 25 * MIB));
        // One level less: the 25 MiB attachment is within the depth limit, so it is listed and downloaded.
        set.put("nested-19-deep-25MiB", () -> nested(19, 25 * MIB));
        set.put("10000-parts", () -> manyParts(10_000));
        set.put("3-million-empty-parts", () -> emptyParts(24 * MIB));
        set.put("1MiB-header-section", () -> hugeHeaderSection(MIB));
        set.put("1MiB-part-header", HostileMime::hugePartHeader);
        set.put("broken-base64", HostileMime::brokenBase64);
        set.put("broken-quoted-printable", HostileMime::brokenQuotedPrintable);
        set.put("base64-html-body-decoding-18MiB", () -> largeBase64Body("text/html", 24 * MIB));
        set.put("base64-text-body-decoding-18MiB", () -> largeBase64Body("text/plain", 24 * MIB));
        set.put("quoted-printable-html-body-24MiB", HostileMime::largeQuotedPrintableHtml);
        set.put("missing-boundary-parameter", HostileMime::missingBoundary);
        set.put("boundary-never-closed", HostileMime::boundaryNeverClosed);
        set.put("boundary-never-occurs", HostileMime::boundaryNeverOccurs);
        return set;
    }

    private static final String TOP = "From: Sender <sender@partner.example>\r\n"
            + "To: alice@customer.example\r\n"
            + "Subject: hostile\r\n"
            + "Date: Thu, 3 Dec 2026 08:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n";

    /**
     * Multiparts nested {@code depth} deep; every level has a small text part, the innermost a
     * base64 attachment of about {@code attachmentBytes} encoded bytes, so the message is about
     * that big: the shape of issue 14's "25 MiB nested 20 deep".
     */
    public static byte[] nested(int depth, int attachmentBytes) {
        Out out = new Out(attachmentBytes + 64 * 1024);
        out.ascii(TOP + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int level = 0; level < depth; level++) {
            out.ascii("--b" + level + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nlevel " + level + "\r\n");
            out.ascii("--b" + level + "\r\nContent-Type: multipart/mixed; boundary=\"b" + (level + 1) + "\"\r\n\r\n");
        }
        out.ascii("--b" + depth + "\r\nContent-Type: text/plain\r\n\r\ninnermost text\r\n");
        out.ascii("--b" + depth + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"data.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        base64Lines(out, attachmentBytes);
        for (int level = depth; level >= 0; level--) {
            out.ascii("--b" + level + "--\r\n");
        }
        return out.bytes();
    }

    public static byte[] manyParts(int count) {
        Out out = new Out(count * 120);
        out.ascii(TOP + "Content-Type: multipart/mixed; boundary=\"many\"\r\n\r\n");
        for (int i = 0; i < count; i++) {
            out.ascii("--many\r\nContent-Type: application/octet-stream; name=\"p" + i + ".bin\"\r\n\r\npart " + i
                    + "\r\n");
        }
        out.ascii("--many--\r\n");
        return out.bytes();
    }

    /** Parts of seven bytes each ({@code --e CRLF CRLF}): millions of them in a message of normal size. */
    public static byte[] emptyParts(int size) {
        Out out = new Out(size + 1024);
        out.ascii(TOP + "Content-Type: multipart/mixed; boundary=\"e\"\r\n\r\n");
        byte[] part = "--e\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (out.size() < size) {
            out.raw(part);
        }
        out.ascii("--e--\r\n");
        return out.bytes();
    }

    /** A header section of {@code size} bytes of (valid, folded) fields before the body. */
    public static byte[] hugeHeaderSection(int size) {
        Out out = new Out(size + 4096);
        out.ascii(TOP);
        int n = 0;
        while (out.size() < size) {
            out.ascii("X-Filler-" + (n++) + ": " + "y".repeat(70) + "\r\n " + "z".repeat(70) + "\r\n");
        }
        out.ascii("Content-Type: text/plain\r\n\r\nbody after a large header section\r\n");
        return out.bytes();
    }

    private static byte[] hugePartHeader() {
        Out out = new Out(MIB + 4096);
        out.ascii(TOP + "Content-Type: multipart/mixed; boundary=\"hp\"\r\n\r\n--hp\r\n");
        int n = 0;
        while (out.size() < MIB) {
            out.ascii("X-Filler-" + (n++) + ": " + "y".repeat(90) + "\r\n");
        }
        out.ascii("Content-Type: text/plain\r\n\r\npart body\r\n--hp--\r\n");
        return out.bytes();
    }

    private static byte[] brokenBase64() {
        Out out = new Out(4 * MIB);
        out.ascii(TOP + "Content-Type: multipart/mixed; boundary=\"bb\"\r\n\r\n"
                + "--bb\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "SGVsbG8*!#gd29y?bGQ=\r\nQQ\r\nQ===\r\nx\r\n");
        out.ascii("--bb\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=a.png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        for (int i = 0; i < 40_000; i++) {
            out.ascii("iVBO%%%RwKGgo==AAAA\u0000NSUhEUgAA=\r\n");
        }
        out.ascii("--bb--\r\n");
        return out.bytes();
    }

    private static byte[] brokenQuotedPrintable() {
        Out out = new Out(4 * MIB);
        out.ascii(
                TOP + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        for (int i = 0; i < 50_000; i++) {
            out.ascii("<p>=ZZ=3=\r\n=C3=A4=\r\n== =  \t\r\n=4</p>\r\n");
        }
        return out.bytes();
    }

    /** A body part whose base64 decodes to three quarters of {@code encodedBytes} of 'A's. */
    public static byte[] largeBase64Body(String type, int encodedBytes) {
        Out out = new Out(encodedBytes + 4096);
        out.ascii(TOP + "Content-Type: " + type + "; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        // "QUFB" is "AAA": the decoded text is one 18 MiB word, the worst case for a text reader.
        byte[] line = ("QUFB".repeat(19) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        while (out.size() < encodedBytes) {
            out.raw(line);
        }
        return out.bytes();
    }

    private static byte[] largeQuotedPrintableHtml() {
        Out out = new Out(25 * MIB);
        out.ascii(
                TOP + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        byte[] line = "<div><b>=C3=A4</b><i>x</i><a href=3D\"https://example.org/\">l</a></div>=\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        while (out.size() < 24 * MIB) {
            out.raw(line);
        }
        return out.bytes();
    }

    private static byte[] missingBoundary() {
        Out out = new Out(2 * MIB);
        out.ascii(TOP + "Content-Type: multipart/mixed\r\n\r\n");
        for (int i = 0; i < 2000; i++) {
            out.ascii("--guess\r\nContent-Type: text/plain\r\n\r\nline " + i + "\r\n");
        }
        out.ascii("--guess--\r\n");
        return out.bytes();
    }

    private static byte[] boundaryNeverClosed() {
        Out out = new Out(6 * MIB);
        out.ascii(TOP + "Content-Type: multipart/mixed; boundary=\"open\"\r\n\r\n--open\r\n"
                + "Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n--inner\r\n"
                + "Content-Type: text/plain\r\n\r\n");
        byte[] line = ("x".repeat(76) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        while (out.size() < 5 * MIB) {
            out.raw(line);
        }
        return out.bytes();
    }

    private static byte[] boundaryNeverOccurs() {
        Out out = new Out(6 * MIB);
        out.ascii(TOP + "Content-Type: multipart/mixed; boundary=\"absent\"\r\n\r\n");
        byte[] line = ("--" + "y".repeat(74) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        while (out.size() < 5 * MIB) {
            out.raw(line);
        }
        return out.bytes();
    }

    /** Base64 of pseudo-random bytes in 76-character lines, {@code encodedBytes} long in all. */
    private static void base64Lines(Out out, int encodedBytes) {
        byte[] line = new byte[78];
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        long seed = 42;
        for (int written = 0; written < encodedBytes; written += line.length) {
            for (int i = 0; i < 76; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                line[i] = (byte) alphabet.charAt((int) (seed >>> 58));
            }
            line[76] = '\r';
            line[77] = '\n';
            out.raw(line);
        }
    }

    /** A growing buffer that hands out its array without a final copy when it is exactly full. */
    private static final class Out {
        private byte[] buffer;
        private int size;

        Out(int capacity) {
            buffer = new byte[Math.max(capacity, 1024)];
        }

        void ascii(String text) {
            raw(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void raw(byte[] bytes) {
            if (size + bytes.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes.length));
            }
            System.arraycopy(bytes, 0, buffer, size, bytes.length);
            size += bytes.length;
        }

        int size() {
            return size;
        }

        byte[] bytes() {
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }
    }
}
