package org.sealpost.mailformat;

import java.util.Objects;

/**
 * Something wrong with a message that the extractor worked around.
 *
 * <p>The detail names the header or MIME part ({@code "part 1.2"}) and counts, but never quotes
 * message content, so problems can be logged and audited without putting plaintext in the logs.
 *
 * @param kind   what went wrong
 * @param detail where, in words
 */
public record MimeProblem(Kind kind, String detail) {

    public MimeProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of damage the extractor recognises. */
    public enum Kind {
        /** Blank lines, a byte-order mark or an mbox {@code From } line before the first header. */
        LEADING_GARBAGE,
        /** The header section ends at a line that is not a header field instead of at an empty line. */
        NO_HEADER_BODY_SEPARATOR,
        /** Lines end in a bare LF instead of CRLF (RFC 5322 section 2.3). */
        BARE_LINE_FEEDS,
        /** The message contains NUL bytes. */
        NUL_BYTES,
        /** A line is longer than the 998 octets RFC 5322 section 2.1.1 allows. */
        LINE_TOO_LONG,
        /** A header holds raw 8-bit bytes that are not UTF-8 (RFC 6532); read as ISO-8859-1. */
        RAW_8BIT_HEADER,
        /** An RFC 2047 encoded word or RFC 2231 value could not be decoded; left as written. */
        UNDECODABLE_HEADER_ENCODING,
        /** A charset name Java does not know; the text was read as UTF-8 or ISO-8859-1. */
        UNKNOWN_CHARSET,
        /** A header RFC 5322 requires (From, Date) is absent. */
        MISSING_HEADER,
        /** A header that may occur once occurs several times; the first one is used. */
        DUPLICATE_HEADER,
        /** An address could not be parsed completely. */
        MALFORMED_ADDRESS,
        /** The Date header could not be parsed, or its zone was unknown. */
        MALFORMED_DATE,
        /** A Content-Type or Content-Disposition value is malformed. */
        MALFORMED_CONTENT_TYPE,
        /** A multipart has no boundary parameter; the boundary was guessed from the body. */
        MISSING_BOUNDARY,
        /** A multipart's boundary never occurs in its body; its parts could not be found. */
        BOUNDARY_NOT_FOUND,
        /** A multipart's closing boundary is missing (truncated message?). */
        UNTERMINATED_MULTIPART,
        /** Base64 or quoted-printable data is damaged; the size is a best effort. */
        BAD_TRANSFER_ENCODING,
        /** A Content-Transfer-Encoding this reader does not know; the size is the raw size. */
        UNKNOWN_TRANSFER_ENCODING,
        /** Multiparts nested deeper than the limit; the deeper parts were not read. */
        NESTING_TOO_DEEP,
        /** More MIME parts than the limit; the rest were not read. */
        TOO_MANY_PARTS,
        /** A part could not be read for another reason. */
        UNREADABLE_PART,
        /** The header section is longer than the limit; the fields after it were not read. */
        HEADER_SECTION_TOO_LARGE,
        /** A body text is longer than the limit shown; only its beginning is shown and indexed. */
        BODY_TOO_LARGE
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
