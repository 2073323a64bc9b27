package org.sealpost.mailformat.structure;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.internal.ContentHeader;
import org.sealpost.mailformat.internal.HeaderText;
import org.sealpost.mailformat.internal.MultipartSplit;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.internal.RawHeaderSection;
import org.sealpost.mailformat.internal.SharedSlice;

/**
 * The MIME structure of one message with IMAP section numbers (RFC 3501 section 6.4.5): the
 * body of a single-part message is "1", the parts of a top-level multipart are "1", "2", ...,
 * and the parts of a nested multipart "2.1", "2.2", .... The same bytes always give the same
 * numbers, so a number handed to the browser finds the same part when the download is asked for.
 *
 * <p>This is the one walker of the module: intake's metadata and the message page both read a
 * message through it ({@link MessageStructure}). Header fields are read from the raw bytes, RFC
 * 2047 and RFC 2231 by this module's own readers, because Jakarta Mail's leniency switches are
 * JVM-wide system properties; multiparts are split by {@link MultipartSplit} and
 * each part's header fields read by Jakarta Mail's {@link MimeBodyPart}. An attached
 * {@code message/rfc822} is a leaf: it is offered as a download, not shown, so its inner parts
 * need no numbers.
 *
 * <p>The whole tree is views on the one array the message arrived in: every node's content is
 * an offset and a length in it ({@link SharedSlice}, which Jakarta Mail reads without
 * copying), so a message nested twenty deep costs its own size once, not twenty times.
 */
final class MimeTree {

    private final Problems problems;
    private int parts;

    private MimeTree(Problems problems) {
        this.problems = problems;
    }

    /** The root entity, or {@code null} when the bytes are not a message (reported to {@code problems}). */
    static MessagePart read(byte[] rawMime, Problems problems) {
        if (rawMime == null || rawMime.length == 0) {
            problems.add(Kind.UNREADABLE_PART, "empty message: no bytes");
            return null;
        }
        RawHeaderSection headers = RawHeaderSection.scan(rawMime);
        if (headers.fields().isEmpty()) {
            problems.add(Kind.UNREADABLE_PART, "not a message: the data does not begin with a header field");
            return null;
        }
        if (headers.truncated()) {
            problems.add(
                    Kind.HEADER_SECTION_TOO_LARGE,
                    "the header section is longer than " + RawHeaderSection.MAX_BYTES
                            + " bytes; the fields after that were not read");
        }
        MimeTree tree = new MimeTree(problems);
        String where = "message body";
        String contentType = topHeader(headers, "Content-Type", problems);
        ContentHeader type = tree.contentType(contentType, where, "text/plain");
        SharedSlice body = new SharedSlice(rawMime, headers.bodyOffset(), rawMime.length - headers.bodyOffset());
        return tree.entity(
                type.value().startsWith("multipart/") ? "" : "1",
                where,
                type,
                topHeader(headers, "Content-Disposition", problems),
                topHeader(headers, "Content-ID", problems),
                topHeader(headers, "Content-Transfer-Encoding", problems),
                body,
                0);
    }

    private static String topHeader(RawHeaderSection headers, String name, Problems problems) {
        List<RawHeaderSection.Field> fields = headers.all(name);
        return fields.isEmpty()
                ? null
                : HeaderText.unfold(HeaderText.fromBytes(fields.get(0).value(), name + " header", problems));
    }

    private MessagePart entity(
            String partId,
            String where,
            ContentHeader type,
            String disposition,
            String contentId,
            String transferEncoding,
            SharedSlice content,
            int depth) {
        ContentHeader parsedDisposition = disposition == null || disposition.isBlank()
                ? null
                : ContentHeader.parse(disposition, where + " Content-Disposition", problems);
        String id = contentId(contentId);
        if (type.value().startsWith("multipart/")) {
            List<MessagePart> children = multipart(partId, where, type, content, depth);
            if (children != null) {
                return new MessagePart(partId, where, type, parsedDisposition, id, null, null, children);
            }
            // The parts cannot be separated: show the bytes as text rather than nothing.
            type = new ContentHeader("text/plain", Map.of());
            return new MessagePart(partId.isEmpty() ? "1" : partId, where, type, null, id, null, content, null);
        }
        return new MessagePart(partId, where, type, parsedDisposition, id, transferEncoding, content, null);
    }

    private List<MessagePart> multipart(
            String partId, String where, ContentHeader type, SharedSlice content, int depth) {
        if (depth >= MessageStructure.MAX_DEPTH) {
            problems.add(
                    Kind.NESTING_TOO_DEEP,
                    "multiparts nested deeper than " + MessageStructure.MAX_DEPTH
                            + " levels; the deeper parts were not read");
            return List.of();
        }
        String subtype = type.value().substring("multipart/".length());
        String boundary = type.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            boundary = null;
            problems.add(
                    Kind.MISSING_BOUNDARY,
                    where + " is a multipart without boundary parameter;"
                            + " the boundary is taken from its first '--' line");
        }
        // Split in one pass over the lines, in place; one more part than may still be read, so
        // that the loop below sees the limit passed.
        MultipartSplit.Result split = MultipartSplit.split(
                content.buffer(),
                content.offset(),
                content.end(),
                boundary,
                Math.max(0, MessageStructure.MAX_PARTS - parts) + 1);
        if (!split.found()) {
            problems.add(
                    Kind.BOUNDARY_NOT_FOUND,
                    where + " is a multipart whose boundary never occurs;" + " its content is shown as text");
            return null;
        }
        // A body cut at the part limit lacks its close-delimiter by our doing, not the sender's.
        if (!split.closed() && !split.cutShort()) {
            problems.add(Kind.UNTERMINATED_MULTIPART, where + " is a multipart without its closing boundary");
        }
        int count = split.parts().size();
        String childDefault = subtype.equals("digest") ? "message/rfc822" : "text/plain";
        List<MessagePart> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (++parts > MessageStructure.MAX_PARTS) {
                problems.add(
                        Kind.TOO_MANY_PARTS,
                        "more than " + MessageStructure.MAX_PARTS + " MIME parts; the rest were not read");
                break;
            }
            String childId = partId.isEmpty() ? String.valueOf(i + 1) : partId + "." + (i + 1);
            String childWhere = "part " + childId;
            try {
                int[] bounds = split.parts().get(i);
                // Jakarta Mail reads the part's header fields; its content stays a window on the message.
                MimeBodyPart mimePart =
                        new MimeBodyPart(new SharedSlice(content.buffer(), bounds[0], bounds[1] - bounds[0]));
                SharedSlice childContent = slice(mimePart);
                ContentHeader childType =
                        contentType(header(mimePart, "Content-Type", childWhere), childWhere, childDefault);
                children.add(entity(
                        childId,
                        childWhere,
                        childType,
                        header(mimePart, "Content-Disposition", childWhere),
                        header(mimePart, "Content-ID", childWhere),
                        header(mimePart, "Content-Transfer-Encoding", childWhere),
                        childContent,
                        depth + 1));
            } catch (MessagingException | IOException | RuntimeException e) {
                problems.add(
                        Kind.UNREADABLE_PART,
                        childWhere + " could not be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        return children;
    }

    /** The part's content as a window on the message: Jakarta Mail cuts it from our SharedSlice. */
    private static SharedSlice slice(MimeBodyPart part) throws MessagingException, IOException {
        try (InputStream in = part.getRawInputStream()) {
            if (in instanceof SharedSlice slice) {
                return slice;
            }
            // Not expected: MimeBodyPart keeps a SharedInputStream shared. Correct, if a copy.
            byte[] copy = in.readAllBytes();
            return new SharedSlice(copy, 0, copy.length);
        }
    }

    private String header(MimeBodyPart part, String name, String where) throws MessagingException {
        String value = part.getHeader(name, null);
        if (value == null) {
            return null;
        }
        // InternetHeaders maps each byte to one char (ISO-8859-1), so this recovers the raw bytes.
        byte[] raw = value.getBytes(StandardCharsets.ISO_8859_1);
        return HeaderText.unfold(HeaderText.fromBytes(raw, where + " " + name + " header", problems));
    }

    private ContentHeader contentType(String header, String where, String defaultType) {
        if (header == null || header.isBlank()) {
            return new ContentHeader(defaultType, Map.of());
        }
        ContentHeader parsed = ContentHeader.parse(header, where + " Content-Type", problems);
        String value = parsed.value();
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
            // RFC 2045 section 5.2: an invalid Content-Type is read as text/plain.
            problems.add(Kind.MALFORMED_CONTENT_TYPE, where + " has an invalid Content-Type; read as text/plain");
            return new ContentHeader("text/plain", parsed.parameters());
        }
        return parsed;
    }

    /** RFC 2045 section 7 / RFC 5322 msg-id: the id between the angle brackets. */
    private static String contentId(String header) {
        if (header == null) {
            return null;
        }
        String id = HeaderText.withoutControls(header).strip();
        if (id.startsWith("<")) {
            int close = id.indexOf('>');
            id = close > 0 ? id.substring(1, close) : id.substring(1);
        }
        id = id.strip();
        return id.isEmpty() ? null : id;
    }
}
