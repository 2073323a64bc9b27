package org.sealpost.mailformat.structure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.internal.ContentHeader;
import org.sealpost.mailformat.internal.HeaderText;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.internal.SharedSlice;
import org.sealpost.mailformat.internal.TransferDecoding;

/**
 * One MIME entity of a message, as the one walker ({@link MessageStructure#read}) found it:
 * its IMAP section number (RFC 3501 section 6.4.5), its decoded header parameters and, for a
 * leaf, its still transfer-encoded content as a window on the message's one array (never a
 * copy). A multipart has children and no content.
 *
 * <p>Immutable. The array the message was read from must not change while a part is in use.
 */
public final class MessagePart {

    private final String partId;
    private final String where;
    private final ContentHeader type;
    private final ContentHeader disposition;
    private final String contentId;
    private final String transferEncoding;
    private final SharedSlice raw;
    private final List<MessagePart> children;

    MessagePart(
            String partId,
            String where,
            ContentHeader type,
            ContentHeader disposition,
            String contentId,
            String transferEncoding,
            SharedSlice raw,
            List<MessagePart> children) {
        this.partId = partId;
        this.where = where;
        this.type = type;
        this.disposition = disposition;
        this.contentId = contentId;
        this.transferEncoding = transferEncoding;
        this.raw = raw;
        this.children = children == null ? null : List.copyOf(children);
    }

    /** The IMAP-style section number: "1", "2.1", ...; "" for a top-level multipart. */
    public String partId() {
        return partId;
    }

    /** Where the part is, for problem reports ("part 2.1", "message body"). */
    public String where() {
        return where;
    }

    public boolean isLeaf() {
        return children == null;
    }

    /** The parts of a multipart, in message order; empty for a leaf. */
    public List<MessagePart> children() {
        return children == null ? List.of() : children;
    }

    /** Lower-case {@code type/subtype}, without parameters. */
    public String mimeType() {
        return type.value().toLowerCase(Locale.ROOT);
    }

    /** The subtype of {@link #mimeType()}: "mixed", "related", "html", .... */
    public String subtype() {
        String value = mimeType();
        return value.substring(value.indexOf('/') + 1);
    }

    /** A Content-Type parameter, decoded (RFC 2231, RFC 2047); {@code null} when absent. */
    public String typeParameter(String name) {
        return type.parameter(name);
    }

    /** The Content-Disposition value ("inline", "attachment", lower case), or {@code null} when none. */
    public String dispositionType() {
        return disposition == null ? null : disposition.value().toLowerCase(Locale.ROOT);
    }

    /** The Content-ID without angle brackets (RFC 2045 section 7, RFC 2392), or {@code null}. */
    public String contentId() {
        return contentId;
    }

    /**
     * The name the sender gave (Content-Disposition filename, else the older Content-Type name,
     * RFC 2183 section 2.3), decoded but not made safe; {@code null} when none.
     */
    public String declaredFileName() {
        String name = disposition == null ? null : disposition.parameter("filename");
        if (name == null || name.isBlank()) {
            name = type.parameter("name");
        }
        return name == null || name.isBlank() ? null : name.strip();
    }

    /** The leaves under this part (itself when it is one), in message order. */
    public List<MessagePart> leaves() {
        List<MessagePart> into = new ArrayList<>();
        leaves(this, into);
        return into;
    }

    private static void leaves(MessagePart part, List<MessagePart> into) {
        if (part.isLeaf()) {
            into.add(part);
        } else {
            part.children.forEach(child -> leaves(child, into));
        }
    }

    /** The part numbered {@code id} in this subtree, or {@code null}. */
    public MessagePart find(String id) {
        if (id.equals(partId)) {
            return this;
        }
        if (!isLeaf()) {
            for (MessagePart child : children) {
                if (id.equals(child.partId) || id.startsWith(child.partId + ".")) {
                    return child.find(id);
                }
            }
        }
        return null;
    }

    /** The content with its transfer encoding removed, bytes as sent. */
    public byte[] decoded(Problems problems) {
        return TransferDecoding.decode(raw.buffer(), raw.offset(), raw.end(), transferEncoding, where, problems);
    }

    /** At most {@code limit} decoded bytes; {@code truncated} tells whether there were more. */
    public TransferDecoding.Decoded decoded(Problems problems, int limit) {
        return TransferDecoding.decode(raw.buffer(), raw.offset(), raw.end(), transferEncoding, where, problems, limit);
    }

    /** The decoded size, counted without decoding into memory. */
    public long decodedSize(Problems problems) {
        return TransferDecoding.decodedSize(raw.buffer(), raw.offset(), raw.end(), transferEncoding, where, problems);
    }

    /**
     * The part's text, at most {@code limit} decoded bytes of it (a longer one is cut at a
     * character boundary and reported as {@link Kind#BODY_TOO_LARGE}). A declared charset Java
     * does not know is reported and read as UTF-8 if the bytes are valid UTF-8, else ISO-8859-1.
     * With no charset, or US-ASCII, which mailers often declare for 8-bit text, 8-bit bytes are
     * read the same way instead of becoming replacement characters. NUL characters are removed:
     * they are invalid in the XHTML page.
     */
    public String text(Problems problems, int limit) {
        TransferDecoding.Decoded decoded = decoded(problems, limit);
        byte[] bytes = decoded.bytes();
        if (decoded.truncated()) {
            bytes = Arrays.copyOf(bytes, characterBoundary(bytes));
            problems.add(
                    Kind.BODY_TOO_LARGE, where + " is longer than " + limit + " bytes; only its beginning is shown");
        }
        String charset = type.parameter("charset");
        String result;
        if (charset == null || charset.isBlank() || isAscii(charset)) {
            String utf8 = HeaderText.strictUtf8(bytes);
            result = utf8 != null ? utf8 : new String(bytes, StandardCharsets.ISO_8859_1);
        } else {
            result = HeaderText.decodeCharset(bytes, charset, where, problems);
        }
        return result.indexOf('\0') < 0 ? result : result.replace("\0", "");
    }

    /**
     * Where a cut body may end without splitting a UTF-8 character (RFC 3629 section 3: a
     * sequence is a lead byte and its continuation bytes {@code 10xxxxxx}); in a single-byte
     * charset this drops at most three bytes of a text cut anyway.
     */
    static int characterBoundary(byte[] bytes) {
        int end = bytes.length;
        for (int i = end - 1; i >= Math.max(0, end - 4); i--) {
            int b = bytes[i] & 0xff;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: look for its lead
            }
            int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            return i + length <= end ? end : i;
        }
        return end;
    }

    private static boolean isAscii(String charset) {
        String name = charset.strip().toLowerCase(Locale.ROOT);
        return name.equals("us-ascii") || name.equals("ascii");
    }
}
