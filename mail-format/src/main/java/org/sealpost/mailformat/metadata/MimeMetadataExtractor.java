package org.sealpost.mailformat.metadata;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.internal.HeaderText;
import org.sealpost.mailformat.internal.MailDates;
import org.sealpost.mailformat.internal.Problems;
import org.sealpost.mailformat.internal.RawHeaderSection;
import org.sealpost.mailformat.structure.MessagePart;
import org.sealpost.mailformat.structure.MessageStructure;

/**
 * Reads a message as received and extracts its {@link MessageMetadata}, tolerating the damage
 * real mail carries: broken or missing boundaries, bad base64 or quoted-printable, unknown
 * charsets, raw 8-bit headers, missing headers, no header/body separator, bare LF line endings,
 * NUL bytes, absurd nesting and very long lines. None of that throws; it becomes a
 * {@link MimeProblem} next to whatever could be read. Only bytes that are not a message at all
 * yield {@link MimeReading.Unreadable}.
 *
 * <p>Header fields are read from the raw bytes by this module's own readers. The MIME structure,
 * the body and the attachments come from the one walker and its one decision,
 * {@link MessageStructure}, which the message page uses too: the inbox's paper-clip and the
 * page's attachment list cannot disagree, and each attachment is stored under the name the page
 * will offer it by. Multiparts are split as leniently as Jakarta Mail's {@code MimeMultipart}
 * (missing end boundary and missing boundary parameter are tolerated and reported). Jakarta
 * Mail's leniency switches for header decoding
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
    public static final int MAX_DEPTH = MessageStructure.MAX_DEPTH;
    /** Parts beyond this many in one message are not read. */
    public static final int MAX_PARTS = MessageStructure.MAX_PARTS;
    /** RFC 5322 section 2.1.1. */
    static final int MAX_LINE_OCTETS = 998;

    public MimeMetadataExtractor() {}

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
            return new MimeReading.Unreadable(
                    "the header section cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (headers.fields().isEmpty()) {
            return new MimeReading.Unreadable(
                    "not a message: the data does not begin with a header field (\"Name: value\")");
        }
        Problems problems = new Problems();
        try {
            return new MimeReading.Readable(read(rawMime, headers, problems), problems.toList());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug here must not cost a message the gateway already handed over: keep what is safe.
            problems.add(
                    Kind.UNREADABLE_PART,
                    "the message could not be read completely (" + e.getClass().getSimpleName() + ")");
            MessageMetadata minimal = new MessageMetadata(
                    null, List.of(), List.of(), List.of(), null, null, null, List.of(), rawMime.length, false, false);
            return new MimeReading.Readable(minimal, problems.toList());
        }
    }

    private MessageMetadata read(byte[] raw, RawHeaderSection headers, Problems problems) {
        scanLines(raw, problems);
        for (String skipped : headers.skipped()) {
            problems.add(Kind.LEADING_GARBAGE, "skipped " + skipped + " before the first header field");
        }
        if (headers.separatorMissing()) {
            problems.add(
                    Kind.NO_HEADER_BODY_SEPARATOR,
                    "the header section ends without an empty line; the body starts at the first line that is not a field");
        }

        List<MailAddress> fromList =
                guarded("From header", problems, List.of(), () -> addresses(headers, "From", true, problems));
        if (headers.all("From").isEmpty()) {
            problems.add(Kind.MISSING_HEADER, "no From header");
        } else if (fromList.isEmpty()) {
            problems.add(Kind.MALFORMED_ADDRESS, "From header holds no readable address");
        }
        List<MailAddress> replyTo =
                guarded("Reply-To header", problems, List.of(), () -> addresses(headers, "Reply-To", true, problems));
        List<MailAddress> to =
                guarded("To header", problems, List.of(), () -> addresses(headers, "To", false, problems));
        List<MailAddress> cc =
                guarded("Cc header", problems, List.of(), () -> addresses(headers, "Cc", false, problems));
        String subject = guarded("Subject header", problems, null, () -> {
            String text = single(headers, "Subject", problems);
            return text == null
                    ? null
                    : HeaderText.withoutControls(HeaderText.decodeEncodedWords(text, "Subject header", problems))
                            .strip();
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

        // The structure fields are read by the walker; here only their repetition is reported.
        for (String name : List.of("Content-Type", "Content-Transfer-Encoding", "Content-Disposition")) {
            single(headers, name, problems);
        }
        BodyFacts body = body(raw, problems);
        return new MessageMetadata(
                fromList.isEmpty() ? null : fromList.get(0),
                replyTo,
                to,
                cc,
                subject,
                date,
                messageId,
                body.attachments(),
                raw.length,
                body.hasText(),
                body.hasHtml());
    }

    /** What the metadata says of the body: its attachments and which versions of the text it has. */
    private record BodyFacts(List<AttachmentInfo> attachments, boolean hasText, boolean hasHtml) {

        /** A body that could not be read: no attachments, no text the page could show. */
        static final BodyFacts UNREADABLE = new BodyFacts(List.of(), false, false);
    }

    private static BodyFacts body(byte[] raw, Problems problems) {
        try {
            // The one walker and its one attachment decision, the same the message page uses.
            MessageStructure structure = MessageStructure.read(raw, problems);
            if (structure.root() != null) {
                reportUnknownCharsets(structure.root(), problems);
                reportTransferDamage(structure, problems);
            }
            return new BodyFacts(
                    structure.attachments().stream()
                            .map(a -> new AttachmentInfo(a.fileName(), a.contentType(), a.size()))
                            .toList(),
                    structure.bodyText() != null,
                    structure.bodyHtml() != null);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(
                    Kind.UNREADABLE_PART,
                    "the message body could not be read completely ("
                            + e.getClass().getSimpleName() + ")");
            return BodyFacts.UNREADABLE;
        }
    }

    /**
     * The attachments were counted, and their damage reported, by the decision; the body and the
     * inline images are counted here for the same reports, so that the audit trail names every
     * damaged part whatever role it plays.
     */
    private static void reportTransferDamage(MessageStructure structure, Problems problems) {
        Set<MessagePart> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        structure.attachments().forEach(a -> counted.add(a.part()));
        for (MessagePart leaf : structure.root().leaves()) {
            if (!counted.contains(leaf)) {
                leaf.decodedSize(problems);
            }
        }
    }

    private static void reportUnknownCharsets(MessagePart root, Problems problems) {
        for (MessagePart leaf : root.leaves()) {
            String charset = leaf.mimeType().startsWith("text/") ? leaf.typeParameter("charset") : null;
            if (charset != null && HeaderText.charset(charset) == null) {
                problems.add(
                        Kind.UNKNOWN_CHARSET,
                        leaf.where() + " declares unknown charset \"" + HeaderText.safeToken(charset) + "\"");
            }
        }
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
    private static List<MailAddress> addresses(
            RawHeaderSection headers, String name, boolean firstOnly, Problems problems) {
        List<RawHeaderSection.Field> fields = headers.all(name);
        if (fields.size() > 1) {
            problems.add(
                    Kind.DUPLICATE_HEADER,
                    name + " header occurs " + fields.size() + " times"
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
            problems.add(
                    Kind.UNREADABLE_PART,
                    what + " could not be read (" + e.getClass().getSimpleName() + ")");
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
            problems.add(
                    Kind.LINE_TOO_LONG,
                    "the longest line has " + longest + " octets (RFC 5322 allows " + MAX_LINE_OCTETS + ")");
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
}
