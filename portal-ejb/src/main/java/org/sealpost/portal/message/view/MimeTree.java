package org.sealpost.portal.message.view;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sealpost.portal.message.mime.MimeMetadataExtractor;
import org.sealpost.portal.message.mime.MimeProblem.Kind;
import org.sealpost.portal.message.mime.internal.ContentHeader;
import org.sealpost.portal.message.mime.internal.HeaderText;
import org.sealpost.portal.message.mime.internal.Problems;
import org.sealpost.portal.message.mime.internal.RawHeaderSection;

/**
 * The MIME structure of one message with IMAP section numbers (RFC 3501 section 6.4.5): the
 * body of a single-part message is "1", the parts of a top-level multipart are "1", "2", ...,
 * and the parts of a nested multipart "2.1", "2.2", .... The same bytes always give the same
 * numbers, so a number handed to the browser finds the same part when the download is asked for.
 *
 * <p>Header fields are read the way {@link MimeMetadataExtractor} reads them (raw bytes, RFC 2047
 * and RFC 2231 by this module's own readers); multiparts are split by Jakarta Mail's
 * {@link MimeMultipart}. An attached {@code message/rfc822} is a leaf: it is offered as a download,
 * not shown, so its inner parts need no numbers.
 */
final class MimeTree {

    private static final Pattern TOKEN = Pattern.compile("[a-z0-9!#$&^_.+-]+");

    /** One MIME entity. Leaves carry their still transfer-encoded content. */
    static final class Node {
        final String partId;
        final String where;
        final ContentHeader type;
        final ContentHeader disposition;
        final String contentId;
        final String transferEncoding;
        final byte[] raw;
        final List<Node> children;

        Node(String partId, String where, ContentHeader type, ContentHeader disposition, String contentId,
                String transferEncoding, byte[] raw, List<Node> children) {
            this.partId = partId;
            this.where = where;
            this.type = type;
            this.disposition = disposition;
            this.contentId = contentId;
            this.transferEncoding = transferEncoding;
            this.raw = raw;
            this.children = children;
        }

        boolean isLeaf() {
            return children == null;
        }

        String mimeType() {
            return type.value();
        }

        String subtype() {
            String value = type.value();
            return value.substring(value.indexOf('/') + 1);
        }

        /** The name the sender gave, decoded but not yet made safe; {@code null} when none. */
        String declaredFileName() {
            String name = disposition == null ? null : disposition.parameter("filename");
            if (name == null || name.isBlank()) {
                name = type.parameter("name");
            }
            return name == null || name.isBlank() ? null : name;
        }

        byte[] decoded(Problems problems) {
            return TransferDecoding.decode(raw, transferEncoding, where, problems);
        }
    }

    private final Problems problems;
    private int parts;

    private MimeTree(Problems problems) {
        this.problems = problems;
    }

    /** The root entity, or {@code null} when the bytes are not a message (reported to {@code problems}). */
    static Node read(byte[] rawMime, Problems problems) {
        if (rawMime == null || rawMime.length == 0) {
            problems.add(Kind.UNREADABLE_PART, "empty message: no bytes");
            return null;
        }
        RawHeaderSection headers = RawHeaderSection.scan(rawMime);
        if (headers.fields().isEmpty()) {
            problems.add(Kind.UNREADABLE_PART, "not a message: the data does not begin with a header field");
            return null;
        }
        MimeTree tree = new MimeTree(problems);
        String where = "message body";
        String contentType = topHeader(headers, "Content-Type", problems);
        ContentHeader type = tree.contentType(contentType, where, "text/plain");
        byte[] body = Arrays.copyOfRange(rawMime, headers.bodyOffset(), rawMime.length);
        return tree.entity(type.value().startsWith("multipart/") ? "" : "1", where, type,
                topHeader(headers, "Content-Disposition", problems), topHeader(headers, "Content-ID", problems),
                topHeader(headers, "Content-Transfer-Encoding", problems), body, 0);
    }

    private static String topHeader(RawHeaderSection headers, String name, Problems problems) {
        List<RawHeaderSection.Field> fields = headers.all(name);
        return fields.isEmpty() ? null
                : HeaderText.unfold(HeaderText.fromBytes(fields.get(0).value(), name + " header", problems));
    }

    private Node entity(String partId, String where, ContentHeader type, String disposition, String contentId,
            String transferEncoding, byte[] content, int depth) {
        ContentHeader parsedDisposition = disposition == null || disposition.isBlank() ? null
                : ContentHeader.parse(disposition, where + " Content-Disposition", problems);
        String id = contentId(contentId);
        if (type.value().startsWith("multipart/")) {
            List<Node> children = multipart(partId, where, type, content, depth);
            if (children != null) {
                return new Node(partId, where, type, parsedDisposition, id, null, null, children);
            }
            // The parts cannot be separated: show the bytes as text rather than nothing.
            type = new ContentHeader("text/plain", Map.of());
            return new Node(partId.isEmpty() ? "1" : partId, where, type, null, id, null, content, null);
        }
        return new Node(partId, where, type, parsedDisposition, id, transferEncoding, content, null);
    }

    private List<Node> multipart(String partId, String where, ContentHeader type, byte[] content, int depth) {
        if (depth >= MimeMetadataExtractor.MAX_DEPTH) {
            problems.add(Kind.NESTING_TOO_DEEP, "multiparts nested deeper than " + MimeMetadataExtractor.MAX_DEPTH
                    + " levels; the deeper parts were not read");
            return List.of();
        }
        String subtype = type.value().substring("multipart/".length());
        ContentType structural = new ContentType("multipart", TOKEN.matcher(subtype).matches() ? subtype : "mixed",
                null);
        String boundary = type.parameter("boundary");
        if (boundary != null && !boundary.isEmpty()) {
            structural.setParameter("boundary", boundary);
        } else {
            problems.add(Kind.MISSING_BOUNDARY, where + " is a multipart without boundary parameter;"
                    + " the boundary is taken from its first '--' line");
        }
        MimeMultipart multipart;
        int count;
        try {
            multipart = new MimeMultipart(new ByteArrayDataSource(content, structural.toString()));
            count = multipart.getCount();
        } catch (MessagingException | RuntimeException e) {
            problems.add(Kind.BOUNDARY_NOT_FOUND, where + " is a multipart whose boundary never occurs;"
                    + " its content is shown as text");
            return null;
        }
        try {
            if (!multipart.isComplete()) {
                problems.add(Kind.UNTERMINATED_MULTIPART, where + " is a multipart without its closing boundary");
            }
        } catch (MessagingException e) {
            problems.add(Kind.UNTERMINATED_MULTIPART, where + " is a multipart that could not be read to its end");
        }
        String childDefault = subtype.equals("digest") ? "message/rfc822" : "text/plain";
        List<Node> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (++parts > MimeMetadataExtractor.MAX_PARTS) {
                problems.add(Kind.TOO_MANY_PARTS, "more than " + MimeMetadataExtractor.MAX_PARTS
                        + " MIME parts; the rest were not read");
                break;
            }
            String childId = partId.isEmpty() ? String.valueOf(i + 1) : partId + "." + (i + 1);
            String childWhere = "part " + childId;
            try {
                BodyPart part = multipart.getBodyPart(i);
                MimeBodyPart mimePart = (MimeBodyPart) part;
                byte[] childContent;
                try (InputStream in = mimePart.getRawInputStream()) {
                    childContent = in.readAllBytes();
                }
                ContentHeader childType = contentType(header(mimePart, "Content-Type", childWhere), childWhere,
                        childDefault);
                children.add(entity(childId, childWhere, childType, header(mimePart, "Content-Disposition", childWhere),
                        header(mimePart, "Content-ID", childWhere),
                        header(mimePart, "Content-Transfer-Encoding", childWhere), childContent, depth + 1));
            } catch (MessagingException | IOException | RuntimeException e) {
                problems.add(Kind.UNREADABLE_PART, childWhere + " could not be read (" + e.getClass().getSimpleName()
                        + ")");
            }
        }
        return children;
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
