package org.sealpost.mailformat.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header section of a message, read straight from its bytes: field names and raw (still
 * encoded, unfolded) value bytes, and where the body starts.
 *
 * <p>Reading bytes ourselves, instead of through {@code InternetHeaders}, keeps 8-bit header
 * bytes intact for the UTF-8-then-ISO-8859-1 decision, and finds where a header section ends
 * without an empty line (a body line would otherwise be taken for a header field).
 */
public final class RawHeaderSection {

    /** One header field: the name as written and the raw value bytes after the colon, unfolded. */
    public record Field(String name, byte[] value) {
        public boolean is(String fieldName) {
            return name.equalsIgnoreCase(fieldName);
        }
    }

    private final List<Field> fields;
    private final int bodyOffset;
    private final boolean separatorMissing;
    private final List<String> skipped;
    private final boolean truncated;

    private RawHeaderSection(
            List<Field> fields, int bodyOffset, boolean separatorMissing, List<String> skipped, boolean truncated) {
        this.truncated = truncated;
        this.fields = List.copyOf(fields);
        this.bodyOffset = bodyOffset;
        this.separatorMissing = separatorMissing;
        this.skipped = List.copyOf(skipped);
    }

    public List<Field> fields() {
        return fields;
    }

    /** Index of the first body byte ({@code data.length} when there is no body). */
    public int bodyOffset() {
        return bodyOffset;
    }

    /** The header section ended at a line that is not a header field rather than at an empty line. */
    public boolean separatorMissing() {
        return separatorMissing;
    }

    /** What was skipped before the first header field, in words (no content). */
    public List<String> skipped() {
        return skipped;
    }

    /** All fields named {@code name}, in order. */
    public List<Field> all(String name) {
        return fields.stream().filter(f -> f.is(name)).toList();
    }

    /**
     * True when the header section is longer than {@link #MAX_BYTES}: the fields after that
     * point were not kept (the body still starts where the section really ends).
     */
    public boolean truncated() {
        return truncated;
    }

    /**
     * Fields that start this many bytes or more into the header section are skipped. RFC 5322
     * sets no limit, but the fields a reader needs come first, and a section of this size is
     * already some thousand trace fields.
     */
    public static final int MAX_BYTES = 256 * 1024;

    public static RawHeaderSection scan(byte[] data) {
        List<String> skipped = new ArrayList<>();
        int pos = 0;
        if (data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF) {
            pos = 3;
            skipped.add("a UTF-8 byte-order mark");
        }
        int blankLines = 0;
        while (pos < data.length) {
            int end = lineEnd(data, pos);
            if (contentLength(data, pos, end) != 0) {
                break;
            }
            blankLines++;
            pos = next(data, end);
        }
        if (blankLines > 0) {
            skipped.add(blankLines + " blank line(s)");
        }
        if (pos < data.length && startsWith(data, pos, "From ")) {
            int end = lineEnd(data, pos);
            if (fieldNameEnd(data, pos, end) < 0) {
                skipped.add("an mbox 'From ' line");
                pos = next(data, end);
            }
        }

        List<Field> fields = new ArrayList<>();
        String currentName = null;
        ByteArrayOutputStream currentValue = null;
        boolean separatorMissing = false;
        int bodyOffset = data.length;
        int sectionStart = pos;
        boolean truncated = false;
        while (pos < data.length) {
            int end = lineEnd(data, pos);
            int length = contentLength(data, pos, end);
            if (length == 0) {
                bodyOffset = next(data, end);
                break;
            }
            byte first = data[pos];
            if ((first == ' ' || first == '\t') && currentName != null) {
                if (currentValue != null) {
                    currentValue.write(data, pos, length);
                }
                pos = next(data, end);
                continue;
            }
            int colon = fieldNameEnd(data, pos, pos + length);
            if (colon < 0) {
                separatorMissing = !fields.isEmpty() || currentName != null;
                bodyOffset = pos;
                break;
            }
            if (currentName != null && currentValue != null) {
                fields.add(new Field(currentName, currentValue.toByteArray()));
            }
            if (pos - sectionStart >= MAX_BYTES) {
                // Still a field, so still the header section: step over it, keep nothing.
                truncated = true;
                currentName = "";
                currentValue = null;
                pos = next(data, end);
                continue;
            }
            currentName =
                    new String(data, pos, trimEnd(data, pos, colon) - pos, java.nio.charset.StandardCharsets.US_ASCII);
            currentValue = new ByteArrayOutputStream();
            currentValue.write(data, colon + 1, pos + length - colon - 1);
            pos = next(data, end);
        }
        if (currentName != null && currentValue != null) {
            fields.add(new Field(currentName, currentValue.toByteArray()));
        }
        return new RawHeaderSection(fields, Math.min(bodyOffset, data.length), separatorMissing, skipped, truncated);
    }

    /**
     * Index of the colon when the line starts with a field name (printable US-ASCII except colon,
     * optionally followed by white space, RFC 5322 section 3.6.8 and obsolete syntax), else -1.
     */
    private static int fieldNameEnd(byte[] data, int start, int end) {
        int i = start;
        while (i < end && data[i] >= 33 && data[i] <= 126 && data[i] != ':') {
            i++;
        }
        if (i == start) {
            return -1;
        }
        while (i < end && (data[i] == ' ' || data[i] == '\t')) {
            i++;
        }
        return i < end && data[i] == ':' ? i : -1;
    }

    private static int trimEnd(byte[] data, int start, int end) {
        while (end > start && (data[end - 1] == ' ' || data[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    /** Index of the LF ending the line at {@code start}, or {@code data.length}. */
    private static int lineEnd(byte[] data, int start) {
        for (int i = start; i < data.length; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return data.length;
    }

    /** Line length without its CR. */
    private static int contentLength(byte[] data, int start, int end) {
        int length = end - start;
        if (length > 0 && data[end - 1] == '\r') {
            length--;
        }
        return length;
    }

    private static int next(byte[] data, int lineEnd) {
        return Math.min(lineEnd + 1, data.length);
    }

    private static boolean startsWith(byte[] data, int pos, String prefix) {
        if (data.length - pos < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "RawHeaderSection["
                + fields.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList() + ", bodyOffset=" + bodyOffset
                + "]";
    }
}
