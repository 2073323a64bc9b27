package org.sealpost.mailformat.metadata;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.internal.AddressParser;
import org.sealpost.mailformat.internal.ContentHeader;
import org.sealpost.mailformat.internal.HeaderText;
import org.sealpost.mailformat.internal.MailDates;
import org.sealpost.mailformat.internal.MultipartSplit;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.internal.RawHeaderSection;
import org.sealpost.mailformat.internal.SharedSlice;
import org.sealpost.mailformat.internal.TransferSize;

/**
 * Reads a message as received and extracts its {@link MessageMetadata}, tolerating the damage
 * real mail carries: broken or missing boundaries, bad base64 or quoted-printable, unknown
 * charsets, raw 8-bit headers, missing headers, no header/body separator, bare LF line endings,
 * NUL bytes, absurd nesting and very long lines. None of that throws; it becomes a
 * {@link MimeProblem} next to whatever could be read. Only bytes that are not a message at all
 * yield {@link MimeReading.Unreadable}.
 *
 * <p>Header fields are read from the raw bytes by this package's own readers; multiparts are
 * split by {@link MultipartSplit} (one pass over the lines, in place, as leniently as Jakarta
 * Mail's {@code MimeMultipart}: missing end boundary and missing boundary parameter are
 * tolerated and reported) and each part's header fields read by Jakarta Mail's
 * {@link MimeBodyPart}. Jakarta Mail's leniency switches for header decoding
 * ({@code mail.mime.decodetext.strict}, {@code mail.mime.parameters.strict}, ...) are JVM-wide
 * system properties, not Session properties, so setting them would change every other mail user
 * in the application server; and where it gives up it does so silently.
 *
 * <p>Limits keep a hostile message cheap: {@link #MAX_DEPTH} levels of nesting, {@link #MAX_PARTS}
 * parts, {@link RawHeaderSection#MAX_BYTES} of header section; what lies beyond is reported,
 * not read, and the message is still stored as received.
 *
 * <p>Thread-safe and stateless; one instance can serve every caller.
 */
public final class MimeMetadataExtractor {

    /** Multipart nesting beyond this is not descended into (a cheap guard against hostile input). */
    public static final int MAX_DEPTH = 20;
    /** Parts beyond this many in one message are not read. */
    public static final int MAX_PARTS = 1000;
    /** RFC 5322 section 2.1.1. */
    static final int MAX_LINE_OCTETS = 998;

    public MimeMetadataExtractor() {
    }

    /** Reads {@code rawMime}; never throws. */
    public MimeReading extract(byte[] rawMime) {
        if (rawMime == null || rawMime.length == 0) {
            return new MimeReading.Unreadable("empty message: no bytes");
        }
        if (isAllWhitespace(rawMime)) {
            return new MimeReading.Unreadable("empty message: only white space");
        }
        RawHeaderSection headers;
        try {
            headers = RawHeaderSection.scan(rawMime);
        } catch (RuntimeException e) {
            return new MimeReading.Unreadable("the header section cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (headers.fields().isEmpty()) {
            return new MimeReading.Unreadable("not a message: the data does not begin with a header field (\"Name: value\")");
        }
        Problems problems = new Problems();
        try {
            return new MimeReading.Readable(read(rawMime, headers, problems), problems.toList());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not cost a message the gateway already handed over: keep what is safe.
            problems.add(Kind.UNREADABLE_PART, "the message could not be read completely ("
                    + e.getClass().getSimpleName() + ")");
            MessageMetadata minimal = new MessageMetadata(null, List.of(), List.of(), List.of(), null, null, null,
                    List.of(), rawMime.length, false, false);
            return new MimeReading.Readable(minimal, problems.toList());
        }
    }

    private MessageMetadata read(byte[] raw, RawHeaderSection headers, Problems problems) {
        scanLines(raw, problems);
        for (String skipped : headers.skipped()) {
            problems.add(Kind.LEADING_GARBAGE, "skipped " + skipped + " before the first header field");
        }
        if (headers.truncated()) {
            problems.add(Kind.HEADER_SECTION_TOO_LARGE, "the header section is longer than "
                    + RawHeaderSection.MAX_BYTES + " bytes; the fields after that were not read");
        }
        if (headers.separatorMissing()) {
            problems.add(Kind.NO_HEADER_BODY_SEPARATOR,
                    "the header section ends without an empty line; the body starts at the first line that is not a field");
        }

        List<MailAddress> fromList = guarded("From header", problems, List.of(),
                () -> addresses(headers, "From", true, problems));
        if (headers.all("From").isEmpty()) {
            problems.add(Kind.MISSING_HEADER, "no From header");
        } else if (fromList.isEmpty()) {
            problems.add(Kind.MALFORMED_ADDRESS, "From header holds no readable address");
        }
        List<MailAddress> replyTo = guarded("Reply-To header", problems, List.of(),
                () -> addresses(headers, "Reply-To", true, problems));
        List<MailAddress> to = guarded("To header", problems, List.of(), () -> addresses(headers, "To", false, problems));
        List<MailAddress> cc = guarded("Cc header", problems, List.of(), () -> addresses(headers, "Cc", false, problems));
        String subject = guarded("Subject header", problems, null, () -> {
            String text = single(headers, "Subject", problems);
            return text == null ? null
                    : HeaderText.withoutControls(HeaderText.decodeEncodedWords(text, "Subject header", problems)).strip();
        });
        OffsetDateTime date = guarded("Date header", problems, null, () -> {
            String text = single(headers, "Date", problems);
            if (text == null) {
                problems.add(Kind.MISSING_HEADER, "no Date header");
                return null;
            }
            return MailDates.parse(text, problems);
        });
        String messageId = guarded("Message-ID header", problems, null, () -> {
            String text = single(headers, "Message-ID", problems);
            return text == null || text.isBlank() ? null : HeaderText.withoutControls(text);
        });

        Walk walk = new Walk(problems);
        try {
            Entity top = new Entity(
                    single(headers, "Content-Type", problems),
                    single(headers, "Content-Transfer-Encoding", problems),
                    single(headers, "Content-Disposition", problems),
                    () -> new SharedSlice(raw, headers.bodyOffset(), raw.length - headers.bodyOffset()));
            walk.entity(top, "message body", 0, "text/plain");
        } catch (RuntimeException | MessagingException | IOException e) {
            problems.add(Kind.UNREADABLE_PART, "the message body could not be read completely ("
                    + e.getClass().getSimpleName() + ")");
        }
        return new MessageMetadata(fromList.isEmpty() ? null : fromList.get(0), replyTo, to, cc, subject, date,
                messageId, walk.attachments, raw.length, walk.hasText, walk.hasHtml);
    }

    /** Decoded, unfolded text of the first field named {@code name}; reports duplicates. */
    private static String single(RawHeaderSection headers, String name, Problems problems) {
        List<RawHeaderSection.Field> fields = headers.all(name);
        if (fields.isEmpty()) {
            return null;
        }
        if (fields.size() > 1) {
            problems.add(Kind.DUPLICATE_HEADER, name + " header occurs " + fields.size() + " times; the first is used");
        }
        return HeaderText.unfold(HeaderText.fromBytes(fields.get(0).value(), name + " header", problems));
    }

    /** Mailboxes of every field named {@code name} (To and Cc repeated by broken mailers are merged). */
    private static List<MailAddress> addresses(RawHeaderSection headers, String name, boolean firstOnly,
            Problems problems) {
        List<RawHeaderSection.Field> fields = headers.all(name);
        if (fields.size() > 1) {
            problems.add(Kind.DUPLICATE_HEADER, name + " header occurs " + fields.size() + " times"
                    + (firstOnly ? "; the first is used" : "; their addresses are merged"));
        }
        List<MailAddress> result = new ArrayList<>();
        for (RawHeaderSection.Field field : firstOnly && !fields.isEmpty() ? fields.subList(0, 1) : fields) {
            String text = HeaderText.unfold(HeaderText.fromBytes(field.value(), name + " header", problems));
            result.addAll(AddressParser.parse(text, name + " header", problems));
        }
        return result;
    }

    private static <T> T guarded(String what, Problems problems, T fallback, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            problems.add(Kind.UNREADABLE_PART, what + " could not be read (" + e.getClass().getSimpleName() + ")");
            return fallback;
        }
    }

    /** One pass over the bytes for what is wrong at the line level. */
    private static void scanLines(byte[] raw, Problems problems) {
        long nul = 0;
        long bareLineFeeds = 0;
        long longest = 0;
        int lineStart = 0;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == 0) {
                nul++;
            } else if (b == '\n') {
                boolean crlf = i > 0 && raw[i - 1] == '\r';
                if (!crlf) {
                    bareLineFeeds++;
                }
                longest = Math.max(longest, i - lineStart - (crlf ? 1 : 0));
                lineStart = i + 1;
            }
        }
        longest = Math.max(longest, raw.length - lineStart);
        if (nul > 0) {
            problems.add(Kind.NUL_BYTES, "the message contains " + nul + " NUL byte(s)");
        }
        if (bareLineFeeds > 0) {
            problems.add(Kind.BARE_LINE_FEEDS, bareLineFeeds + " line(s) end in a bare LF instead of CRLF");
        }
        if (longest > MAX_LINE_OCTETS) {
            problems.add(Kind.LINE_TOO_LONG, "the longest line has " + longest + " octets (RFC 5322 allows "
                    + MAX_LINE_OCTETS + ")");
        }
    }

    private static boolean isAllWhitespace(byte[] raw) {
        for (byte b : raw) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface ContentSource {
        InputStream open() throws MessagingException, IOException;
    }

    /** The headers that matter for structure (text, unfolded, still RFC 2047/2231 encoded) and the raw content. */
    private record Entity(String contentType, String transferEncoding, String disposition, ContentSource content) {

        static Entity of(MimeBodyPart part, Problems problems, String where) throws MessagingException {
            return new Entity(header(part, "Content-Type", problems, where),
                    header(part, "Content-Transfer-Encoding", problems, where),
                    header(part, "Content-Disposition", problems, where),
                    part::getRawInputStream);
        }

        private static String header(MimeBodyPart part, String name, Problems problems, String where)
                throws MessagingException {
            String value = part.getHeader(name, null);
            if (value == null) {
                return null;
            }
            // InternetHeaders maps each byte to one char (ISO-8859-1), so this recovers the raw bytes.
            byte[] raw = value.getBytes(StandardCharsets.ISO_8859_1);
            return HeaderText.unfold(HeaderText.fromBytes(raw, where + " " + name + " header", problems));
        }
    }

    /** The state of walking one message's MIME tree. */
    private static final class Walk {
        final Problems problems;
        final List<AttachmentInfo> attachments = new ArrayList<>();
        boolean hasText;
        boolean hasHtml;
        int parts;
        boolean tooMany;

        Walk(Problems problems) {
            this.problems = problems;
        }

        void entity(Entity entity, String where, int depth, String defaultType)
                throws MessagingException, IOException {
            ContentHeader type = contentType(entity.contentType(), where, defaultType);
            String mimeType = type.value();
            if (mimeType.startsWith("multipart/")) {
                multipart(entity, type, where, depth);
                return;
            }
            ContentHeader disposition = entity.disposition() == null ? null
                    : ContentHeader.parse(entity.disposition(), where + " Content-Disposition", problems);
            String fileName = disposition == null ? null : disposition.parameter("filename");
            if (fileName == null || fileName.isBlank()) {
                fileName = type.parameter("name");
            }
            if (fileName != null && fileName.isBlank()) {
                fileName = null;
            }
            if (mimeType.startsWith("text/")) {
                String charset = type.parameter("charset");
                if (charset != null && HeaderText.charset(charset) == null) {
                    problems.add(Kind.UNKNOWN_CHARSET, where + " declares unknown charset \""
                            + HeaderText.safeToken(charset) + "\"");
                }
            }
            long size;
            try (InputStream content = entity.content().open()) {
                size = TransferSize.count(content, entity.transferEncoding(), where, problems);
            }
            boolean attachment = (disposition != null && "attachment".equals(disposition.value()))
                    || fileName != null
                    || !(mimeType.equals("text/plain") || mimeType.equals("text/html"));
            if (attachment) {
                attachments.add(new AttachmentInfo(fileName == null ? null : fileName.strip(), mimeType, size));
            } else if (mimeType.equals("text/html")) {
                hasHtml = true;
            } else {
                hasText = true;
            }
        }

        private void multipart(Entity entity, ContentHeader type, String where, int depth)
                throws MessagingException, IOException {
            if (depth >= MAX_DEPTH) {
                problems.add(Kind.NESTING_TOO_DEEP, "multiparts nested deeper than " + MAX_DEPTH
                        + " levels; the deeper parts were not read");
                return;
            }
            String boundary = type.parameter("boundary");
            if (boundary == null || boundary.isEmpty()) {
                problems.add(Kind.MISSING_BOUNDARY, where + " is a multipart without boundary parameter;"
                        + " the boundary is taken from its first '--' line");
                boundary = null;
            }
            String subtype = type.value().substring("multipart/".length());
            // Every part is a window on the message's one array (SharedSlice), never a copy; split
            // in one pass over the lines, and one more part than may still be read, so that the
            // loop below sees the limit passed.
            SharedSlice slice = slice(entity.content());
            MultipartSplit.Result split = MultipartSplit.split(slice.buffer(), slice.offset(), slice.end(), boundary,
                    Math.max(0, MAX_PARTS - parts) + 1);
            if (!split.found()) {
                problems.add(Kind.BOUNDARY_NOT_FOUND, where + " is a multipart whose boundary never occurs;"
                        + " its parts could not be separated");
                return;
            }
            // A body cut at the part limit lacks its close-delimiter by our doing, not the sender's.
            if (!split.closed() && !split.cutShort()) {
                problems.add(Kind.UNTERMINATED_MULTIPART, where + " is a multipart without its closing boundary");
            }
            int count = split.parts().size();
            String childDefault = subtype.equals("digest") ? "message/rfc822" : "text/plain";
            for (int i = 0; i < count; i++) {
                if (++parts > MAX_PARTS) {
                    if (!tooMany) {
                        problems.add(Kind.TOO_MANY_PARTS, "more than " + MAX_PARTS + " MIME parts; the rest were not read");
                        tooMany = true;
                    }
                    return;
                }
                String childWhere = (depth == 0 ? "part " : where + ".").replace("message body.", "part ") + (i + 1);
                try {
                    int[] bounds = split.parts().get(i);
                    MimeBodyPart part = new MimeBodyPart(new SharedSlice(slice.buffer(), bounds[0], bounds[1] - bounds[0]));
                    entity(Entity.of(part, problems, childWhere), childWhere, depth + 1, childDefault);
                } catch (MessagingException | IOException | RuntimeException e) {
                    problems.add(Kind.UNREADABLE_PART, childWhere + " could not be read (" + e.getClass().getSimpleName() + ")");
                }
            }
        }

        private ContentHeader contentType(String header, String where, String defaultType) {
            if (header == null || header.isBlank()) {
                return new ContentHeader(defaultType, java.util.Map.of());
            }
            ContentHeader parsed = ContentHeader.parse(header, where + " Content-Type", problems);
            String value = parsed.value();
            int slash = value.indexOf('/');
            if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
                // RFC 2045 section 5.2: treat an invalid Content-Type as text/plain.
                problems.add(Kind.MALFORMED_CONTENT_TYPE, where + " has an invalid Content-Type; read as text/plain");
                return new ContentHeader("text/plain", parsed.parameters());
            }
            return new ContentHeader(value.toLowerCase(Locale.ROOT), parsed.parameters());
        }
    }

    /** The content as a window on the message; a copy only if it is somehow not one already. */
    private static SharedSlice slice(ContentSource content) throws MessagingException, IOException {
        try (InputStream in = content.open()) {
            if (in instanceof SharedSlice slice) {
                return new SharedSlice(slice.buffer(), slice.readPosition(), slice.end() - slice.readPosition());
            }
            byte[] copy = in.readAllBytes();
            return new SharedSlice(copy, 0, copy.length);
        }
    }
}
