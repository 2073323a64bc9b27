package org.sealpost.mailformat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.sealpost.mailformat.MimeProblem.Kind;

/**
 * The decoded size of a part's content, counted without materialising the decoded bytes, and
 * checked for damage on the way: base64 (RFC 2045 section 6.8) and quoted-printable (section
 * 6.7) are counted by hand because the decoders either throw at the first bad byte or skip it
 * silently, and neither says what it did.
 */
public final class TransferSize {

    private static final int CHUNK = 64 * 1024;

    private TransferSize() {
    }

    /**
     * @param encoding the Content-Transfer-Encoding value (any case) or {@code null}
     * @param where    the part, for problem details
     */
    public static long count(InputStream raw, String encoding, String where, Problems problems) throws IOException {
        String name = encoding == null ? "7bit" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "7bit", "8bit", "binary" -> raw.transferTo(OutputStream.nullOutputStream());
            case "base64" -> base64(raw, where, problems);
            case "quoted-printable" -> raw instanceof SharedSlice slice
                    ? quotedPrintable(slice.buffer(), slice.readPosition(), slice.end(),
                            where, problems)
                    : quotedPrintable(raw.readAllBytes(), where, problems);
            default -> {
                problems.add(Kind.UNKNOWN_TRANSFER_ENCODING, where + " uses Content-Transfer-Encoding \""
                        + HeaderText.safeToken(name) + "\"; its size is the encoded size");
                yield raw.transferTo(OutputStream.nullOutputStream());
            }
        };
    }

    static long base64(InputStream in, String where, Problems problems) throws IOException {
        long size = 0;
        int group = 0;
        long invalid = 0;
        boolean danglingCharacter = false;
        boolean dataAfterPadding = false;
        boolean padded = false;
        byte[] buffer = new byte[CHUNK];
        int read;
        while ((read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                int b = buffer[i];
                if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/') {
                    if (padded) {
                        dataAfterPadding = true;
                        padded = false;
                    }
                    if (++group == 4) {
                        size += 3;
                        group = 0;
                    }
                } else if (b == '=') {
                    padded = true;
                    if (group == 1) {
                        danglingCharacter = true;
                    } else if (group > 1) {
                        size += group - 1;
                    }
                    group = 0;
                } else if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                    invalid++;
                }
            }
        }
        boolean unpadded = group > 1;
        if (group == 1) {
            danglingCharacter = true;
        } else if (unpadded) {
            size += group - 1;
        }
        if (invalid > 0) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has " + invalid
                    + " byte(s) outside the base64 alphabet (ignored)");
        }
        if (danglingCharacter) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has base64 data that ends mid-byte (truncated?)");
        } else if (unpadded) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has base64 data without its final padding");
        }
        if (dataAfterPadding) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has base64 data after padding");
        }
        return size;
    }

    static long quotedPrintable(byte[] data, String where, Problems problems) {
        return quotedPrintable(data, 0, data.length, where, problems);
    }

    /** Counts {@code data[from, to)} in place: a 25 MiB part is not copied to be counted. */
    static long quotedPrintable(byte[] data, int from, int to, String where, Problems problems) {
        long size = 0;
        long badEscapes = 0;
        int pendingWhitespace = 0;
        int i = from;
        while (i < to) {
            byte b = data[i];
            if (b == ' ' || b == '\t') {
                pendingWhitespace++;
                i++;
                continue;
            }
            if (b == '\r' || b == '\n') {
                // Trailing white space before a line break was added in transport: drop it (rule 3).
                pendingWhitespace = 0;
                if (b == '\r' && i + 1 < to && data[i + 1] == '\n') {
                    size += 2;
                    i += 2;
                } else {
                    size += 1;
                    i++;
                }
                continue;
            }
            size += pendingWhitespace;
            pendingWhitespace = 0;
            if (b == '=') {
                int j = i + 1;
                while (j < to && (data[j] == ' ' || data[j] == '\t')) {
                    j++; // "=  CRLF" is still a soft line break
                }
                if (j == to) {
                    i = j;
                } else if (data[j] == '\n') {
                    i = j + 1;
                } else if (data[j] == '\r') {
                    i = j + 1 < to && data[j + 1] == '\n' ? j + 2 : j + 1;
                } else if (i + 2 < to && isHex(data[i + 1]) && isHex(data[i + 2])) {
                    size++;
                    i += 3;
                } else {
                    badEscapes++;
                    size++; // kept literally, as lenient decoders do
                    i++;
                }
                continue;
            }
            size++;
            i++;
        }
        if (badEscapes > 0) {
            problems.add(Kind.BAD_TRANSFER_ENCODING, where + " has " + badEscapes
                    + " invalid quoted-printable escape(s), kept literally");
        }
        return size;
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
    }
}
