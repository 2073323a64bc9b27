package org.sealpost.mailformat.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the body parts of a multipart (RFC 2046 section 5.1.1) in one pass over its lines,
 * in place: each part is an offset and a length in the message's one array.
 *
 * <p>Jakarta Mail's {@code MimeMultipart} finds them with a Boyer-Moore search that, for the
 * short boundaries mailers use, runs at some tens of MB/s, and it reads a nested multipart's
 * whole content again at every level: a 25 MiB message nested twenty deep took seconds per
 * reading. It also creates every part at once, so a body of millions of seven-byte parts
 * ({@code --b CRLF CRLF}) became millions of objects before any limit could count them. Here
 * the lines are scanned once per level at memory speed and the parts beyond the limit are
 * never made. Each part is still read by Jakarta Mail ({@code new MimeBodyPart(SharedSlice)}),
 * so its header fields are read exactly as before.
 *
 * <p>The reading follows Jakarta Mail's lenient one: a delimiter line is {@code --boundary}
 * followed by nothing but white space (transport padding); {@code --boundary--} closes; the
 * line break before a delimiter belongs to it; text before the first delimiter (preamble) and
 * after the close-delimiter (epilogue) is not a part; a missing close-delimiter ends the last
 * part at the end of the data; and without a boundary parameter the first line starting with
 * {@code --} (and not only dashes) is taken as the delimiter.
 */
public final class MultipartSplit {

    /**
     * @param parts    each part as {start, end} in the array, at most the limit asked for
     * @param found    the first delimiter was found (else there are no parts)
     * @param closed   the close-delimiter was reached
     * @param cutShort there were more parts than the limit; those were not split off
     */
    public record Result(List<int[]> parts, boolean found, boolean closed, boolean cutShort) {}

    private MultipartSplit() {}

    /**
     * @param boundary the boundary parameter, or {@code null} when absent
     * @param maxParts parts beyond this many are not split off ({@code cutShort})
     */
    public static Result split(byte[] data, int offset, int end, String boundary, int maxParts) {
        byte[] dashBoundary = boundary == null ? null : ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<int[]> parts = new ArrayList<>();
        int partStart = -1;
        int line = offset;
        while (line < end) {
            int lineEnd = line;
            while (lineEnd < end && data[lineEnd] != '\n') {
                lineEnd++;
            }
            if (lineEnd - line >= 2 && data[line] == '-' && data[line + 1] == '-') {
                if (dashBoundary == null && partStart < 0) {
                    dashBoundary = guessed(data, line, lineEnd);
                }
                int kind = dashBoundary == null ? NONE : delimiter(data, line, lineEnd, dashBoundary);
                if (kind != NONE) {
                    if (partStart >= 0) {
                        if (parts.size() == maxParts) {
                            return new Result(parts, true, false, true);
                        }
                        parts.add(new int[] {partStart, lineBreakBefore(data, partStart, line)});
                    }
                    if (kind == CLOSE) {
                        return new Result(parts, true, true, false);
                    }
                    partStart = Math.min(lineEnd + 1, end);
                }
            }
            line = lineEnd + 1;
        }
        if (partStart < 0) {
            return new Result(List.of(), false, false, false);
        }
        if (parts.size() == maxParts) {
            return new Result(parts, true, false, true);
        }
        parts.add(new int[] {partStart, end});
        return new Result(parts, true, false, false);
    }

    private static final int NONE = 0;
    private static final int OPEN = 1;
    private static final int CLOSE = 2;

    /** Whether the line is a delimiter ({@code OPEN}), the close-delimiter, or neither. */
    private static int delimiter(byte[] data, int line, int lineEnd, byte[] dashBoundary) {
        if (lineEnd - line < dashBoundary.length) {
            return NONE;
        }
        for (int i = 0; i < dashBoundary.length; i++) {
            if (data[line + i] != dashBoundary[i]) {
                return NONE;
            }
        }
        int rest = line + dashBoundary.length;
        int kind = OPEN;
        if (rest + 1 < lineEnd && data[rest] == '-' && data[rest + 1] == '-') {
            kind = CLOSE;
            rest += 2;
        }
        for (int i = rest; i < lineEnd; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return NONE;
            }
        }
        return kind;
    }

    /** The end of a part: the CRLF (or bare LF) that precedes its delimiter line belongs to the delimiter. */
    private static int lineBreakBefore(byte[] data, int partStart, int delimiterLine) {
        int end = delimiterLine;
        if (end > partStart && data[end - 1] == '\n') {
            end--;
            if (end > partStart && data[end - 1] == '\r') {
                end--;
            }
        }
        return end;
    }

    /** Jakarta Mail's guess: the first {@code --} line, without trailing white space, unless only dashes. */
    private static byte[] guessed(byte[] data, int line, int lineEnd) {
        int end = lineEnd;
        while (end > line && (data[end - 1] == '\r' || data[end - 1] == ' ' || data[end - 1] == '\t')) {
            end--;
        }
        boolean onlyDashes = true;
        for (int i = line; i < end; i++) {
            onlyDashes &= data[i] == '-';
        }
        if (end - line <= 2 || onlyDashes) {
            return null;
        }
        byte[] guess = new byte[end - line];
        System.arraycopy(data, line, guess, 0, guess.length);
        return guess;
    }
}
