package org.sealpost.mailformat.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;

class MimeMetadataExtractorTest {

    private final MimeMetadataExtractor extractor = new MimeMetadataExtractor();

    @Test
    void plainTextMessageYieldsAddressesSubjectDateAndMessageId() {
        MimeReading.Readable reading = readable("plain-text.eml");
        MessageMetadata m = reading.metadata();

        assertThat(reading.problems()).isEmpty();
        assertThat(m.from()).isEqualTo(new MailAddress("Alice Example", "alice@example.org"));
        assertThat(m.to())
                .containsExactly(
                        new MailAddress(null, "bob@example.com"),
                        new MailAddress("Carol, the Auditor", "carol@example.com"));
        assertThat(m.cc()).containsExactly(new MailAddress("Dave", "dave@example.net"));
        assertThat(m.replyTo()).isEmpty();
        assertThat(m.subject()).isEqualTo("Quarterly figures");
        assertThat(m.date()).isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 15, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(m.messageIdHeader()).isEqualTo("<20240305101500.12345@example.org>");
        assertThat(m.attachments()).isEmpty();
        assertThat(m.totalSize()).isEqualTo(557);
        assertThat(m.hasTextBody()).isTrue();
        assertThat(m.hasHtmlBody()).isFalse();
    }

    @Test
    void htmlOnlyMessageHasAnHtmlBodyAndNoTextBody() {
        MimeReading.Readable reading = readable("html-only.eml");

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.metadata().hasHtmlBody()).isTrue();
        assertThat(reading.metadata().hasTextBody()).isFalse();
        assertThat(reading.metadata().from()).isEqualTo(new MailAddress("Alice Example", "alice@example.org"));
        assertThat(reading.metadata().date())
                .isEqualTo(OffsetDateTime.of(2024, 3, 6, 8, 0, 0, 0, ZoneOffset.ofHours(-5)));
    }

    @Test
    void multipartAlternativeHasBothBodiesAndNoAttachments() {
        MimeReading.Readable reading = readable("multipart-alternative.eml");
        MessageMetadata m = reading.metadata();

        assertThat(reading.problems()).isEmpty();
        assertThat(m.hasTextBody()).isTrue();
        assertThat(m.hasHtmlBody()).isTrue();
        assertThat(m.attachments()).isEmpty();
        assertThat(m.from())
                .as("old 'address (Name)' form")
                .isEqualTo(new MailAddress("Alice Example", "alice@example.org"));
        assertThat(m.date())
                .as("no day name, no seconds")
                .isEqualTo(OffsetDateTime.of(2024, 3, 7, 9, 30, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void multipartMixedListsAttachmentsWithDecodedNamesAndDecodedSizes() {
        MimeReading.Readable reading = readable("multipart-mixed-attachments.eml");
        MessageMetadata m = reading.metadata();

        assertThat(reading.problems()).isEmpty();
        assertThat(m.from()).isEqualTo(new MailAddress("Jörg Müller", "joerg@example.de"));
        assertThat(m.attachments())
                .containsExactly(
                        new AttachmentInfo("report.pdf", "application/pdf", 1040),
                        new AttachmentInfo(
                                "Prüfbericht – Q3.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                3000),
                        new AttachmentInfo("Grüße an alle.txt", "text/plain", 180),
                        new AttachmentInfo("Übersicht.bin", "application/octet-stream", 777));
        assertThat(m.hasTextBody()).isTrue();
        assertThat(m.hasHtmlBody()).isTrue();
        assertThat(m.date()).isEqualTo(OffsetDateTime.of(2024, 3, 8, 17, 45, 30, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void rfc2047Utf8SubjectIsDecodedEvenWhenACharacterIsSplitAcrossEncodedWords() {
        MimeReading.Readable reading = readable("subject-rfc2047-utf8.eml");

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.metadata().subject()).isEqualTo("Prüfbericht für das dritte Quartal – 2024 ✓");
        assertThat(reading.metadata().from()).isEqualTo(new MailAddress("Zoë Ångström", "zoe@example.se"));
    }

    @Test
    void rfc2047Latin1SubjectIsDecoded() {
        MimeReading.Readable reading = readable("subject-rfc2047-latin1.eml");

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.metadata().subject()).isEqualTo("Grüße aus München und Köln");
        assertThat(reading.metadata().from()).isEqualTo(new MailAddress("François Bérard", "francois@example.fr"));
    }

    @Test
    void rawUtf8HeadersAreReadAsUtf8WithoutProblems() {
        MimeReading.Readable reading = readable("raw-utf8-headers.eml");

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.metadata().subject()).isEqualTo("Grüße aus Malmö – 日本語");
        assertThat(reading.metadata().from()).isEqualTo(new MailAddress("Zoë Ångström", "zoe@example.se"));
        assertThat(reading.metadata().to()).containsExactly(new MailAddress("Ørjan Ødegård", "orjan@example.no"));
    }

    @Test
    void rawLatin1HeadersFallBackToIso88591WithAProblem() {
        MimeReading.Readable reading = readable("raw-latin1-headers.eml");

        assertThat(reading.metadata().subject()).isEqualTo("Grüße aus München");
        assertThat(reading.metadata().from()).isEqualTo(new MailAddress("François Bérard", "francois@example.fr"));
        assertThat(reading.problems()).extracting(MimeProblem::kind).containsOnly(Kind.RAW_8BIT_HEADER);
        assertThat(reading.problems())
                .extracting(MimeProblem::detail)
                .contains("Subject header contains 8-bit bytes that are not UTF-8; read as ISO-8859-1");
    }

    @Test
    void unterminatedMultipartKeepsTheTruncatedAttachment() {
        MimeReading.Readable reading = readable("malformed-unterminated-boundary.eml");

        // 390 base64 characters survive the cut: 97 full groups (291 bytes) and 2 characters (1 byte),
        // which the page's decoder reads as a final group without its "==" padding; the cut itself
        // is the unterminated multipart.
        assertThat(reading.metadata().attachments())
                .containsExactly(new AttachmentInfo("cut.pdf", "application/pdf", 292));
        assertThat(reading.metadata().hasTextBody()).isTrue();
        assertThat(reading.problems()).extracting(MimeProblem::kind).containsExactly(Kind.UNTERMINATED_MULTIPART);
    }

    @Test
    void multipartWithoutBoundaryParameterIsSplitAtItsFirstDashDashLine() {
        MimeReading.Readable reading = readable("malformed-missing-boundary-parameter.eml");

        assertThat(reading.metadata().attachments())
                .containsExactly(new AttachmentInfo("data.bin", "application/octet-stream", 10));
        assertThat(reading.metadata().hasTextBody()).isTrue();
        assertThat(reading.problems()).extracting(MimeProblem::kind).containsExactly(Kind.MISSING_BOUNDARY);
    }

    @Test
    void multipartWhoseBoundaryNeverOccursStillYieldsTheHeaders() {
        MimeReading.Readable reading = readable("malformed-boundary-never-occurs.eml");

        assertThat(reading.metadata().subject()).isEqualTo("Boundary never occurs");
        assertThat(reading.metadata().attachments()).isEmpty();
        assertThat(reading.problems()).extracting(MimeProblem::kind).containsExactly(Kind.BOUNDARY_NOT_FOUND);
    }

    @Test
    void badBase64AndQuotedPrintableAreCountedBestEffortAndReported() {
        MimeReading.Readable reading = readable("malformed-bad-base64.eml");

        assertThat(reading.metadata().attachments())
                .containsExactly(new AttachmentInfo("broken.bin", "application/octet-stream", 300));
        // The attachment is counted by the attachment decision, the body after it: the same
        // decoder, and the same sentences, as the message page.
        assertThat(reading.problems())
                .extracting(MimeProblem::detail)
                .containsExactly(
                        "part 2 has 4 character(s) outside the base64 alphabet; they were skipped",
                        "part 2 has an incomplete base64 group; it was dropped",
                        "part 1 has a quoted-printable '=' that starts no escape; it was kept as written");
    }

    @Test
    void unknownCharsetsAndTransferEncodingAreReportedAndTheTextGuessed() {
        MimeReading.Readable reading = readable("malformed-unknown-charset.eml");

        assertThat(reading.metadata().subject()).isEqualTo("Hello Wörld");
        assertThat(reading.metadata().from()).isEqualTo(new MailAddress("Worf", "worf@example.org"));
        assertThat(reading.problems())
                .extracting(MimeProblem::kind)
                .containsExactly(
                        Kind.UNKNOWN_CHARSET,
                        Kind.UNKNOWN_CHARSET,
                        Kind.UNKNOWN_CHARSET,
                        Kind.UNKNOWN_TRANSFER_ENCODING);
    }

    @Test
    void missingFromSubjectAndDateGiveNullsAndProblemsForTheRequiredOnes() {
        MimeReading.Readable reading = readable("malformed-missing-headers.eml");
        MessageMetadata m = reading.metadata();

        assertThat(m.from()).isNull();
        assertThat(m.subject()).isNull();
        assertThat(m.date()).isNull();
        assertThat(m.messageIdHeader()).isNull();
        assertThat(m.to()).containsExactly(new MailAddress(null, "bob@example.com"));
        assertThat(reading.problems())
                .extracting(MimeProblem::detail)
                .containsExactly("no From header", "no Date header");
    }

    @Test
    void headerSectionWithoutEmptyLineEndsAtTheFirstNonFieldLine() {
        MimeReading.Readable reading = readable("malformed-no-separator.eml");

        assertThat(reading.metadata().subject()).isEqualTo("No empty line");
        assertThat(reading.metadata().date()).isEqualTo(OffsetDateTime.of(2024, 3, 18, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(reading.metadata().hasTextBody()).isTrue();
        assertThat(reading.problems()).extracting(MimeProblem::kind).containsExactly(Kind.NO_HEADER_BODY_SEPARATOR);
    }

    @Test
    void bareLineFeedsAreReportedAndTheMultipartStillParsed() {
        MimeReading.Readable reading = readable("malformed-bare-lf.eml");

        // "a,b\n1,2\n" minus the line break that belongs to the closing boundary.
        assertThat(reading.metadata().attachments()).containsExactly(new AttachmentInfo("data.csv", "text/csv", 7));
        assertThat(reading.metadata().from()).isEqualTo(new MailAddress("Alice", "alice@example.org"));
        assertThat(reading.problems()).extracting(MimeProblem::kind).containsExactly(Kind.BARE_LINE_FEEDS);
    }

    @Test
    void nulBytesAreReportedAndKeptOutOfTheSubject() {
        MimeReading.Readable reading = readable("malformed-nul-bytes.eml");

        assertThat(reading.metadata().subject()).isEqualTo("NUL bytes");
        assertThat(reading.problems())
                .extracting(MimeProblem::detail)
                .containsExactly("the message contains 3 NUL byte(s)");
    }

    @Test
    void badDateAndBrokenAddressListsKeepWhatCanBeRead() {
        MimeReading.Readable reading = readable("malformed-bad-date-and-addresses.eml");
        MessageMetadata m = reading.metadata();

        assertThat(m.date()).isNull();
        assertThat(m.from()).isEqualTo(new MailAddress("Unterminated", "alice@example.org"));
        assertThat(m.to())
                .containsExactly(
                        new MailAddress(null, "bob@"),
                        new MailAddress(null, "carol@example.com"),
                        new MailAddress("Dave", "dave@example.net"));
        assertThat(m.cc()).containsExactly(new MailAddress(null, "just-a-name"));
        assertThat(m.messageIdHeader()).isEqualTo("<bad-date@example.org>");
        assertThat(reading.problems())
                .extracting(MimeProblem::kind)
                .containsExactlyInAnyOrder(
                        Kind.MALFORMED_ADDRESS,
                        Kind.MALFORMED_ADDRESS,
                        Kind.MALFORMED_ADDRESS,
                        Kind.MALFORMED_ADDRESS,
                        Kind.MALFORMED_DATE);
    }

    @Test
    void textWithoutHeaderFieldsIsUnreadable() {
        MimeReading reading = extractor.extract(resource("not-a-message.txt"));

        assertThat(reading)
                .isEqualTo(new MimeReading.Unreadable(
                        "not a message: the data does not begin with a header field (\"Name: value\")"));
    }

    @Test
    void emptyAndWhitespaceOnlyInputAreUnreadable() {
        assertThat(extractor.extract(new byte[0])).isEqualTo(new MimeReading.Unreadable("empty message: no bytes"));
        assertThat(extractor.extract(null)).isEqualTo(new MimeReading.Unreadable("empty message: no bytes"));
        assertThat(extractor.extract(" \r\n\r\n\t".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new MimeReading.Unreadable("empty message: only white space"));
        assertThat(extractor.extract(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}))
                .isInstanceOf(MimeReading.Unreadable.class);
    }

    @Test
    void deeplyNestedMultipartsStopAtTheDepthLimitWithoutFailing() {
        int levels = 40;
        StringBuilder message = new StringBuilder(
                "From: a@example.org\r\nDate: Tue, 5 Mar 2024 10:00:00 +0000\r\n" + "Subject: nested\r\n");
        for (int level = 0; level < levels; level++) {
            message.append("Content-Type: multipart/mixed; boundary=\"level")
                    .append(level)
                    .append("\"\r\n\r\n")
                    .append("--level")
                    .append(level)
                    .append("\r\n");
            if (level == 3) {
                message.append("Content-Type: application/pdf; name=shallow.pdf\r\n\r\n12345\r\n--level3\r\n");
            }
        }
        message.append("Content-Type: application/pdf; name=deep.pdf\r\n\r\nxyz\r\n");
        for (int level = levels - 1; level >= 0; level--) {
            message.append("--level").append(level).append("--\r\n");
        }

        MimeReading.Readable reading =
                (MimeReading.Readable) extractor.extract(message.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(reading.metadata().subject()).isEqualTo("nested");
        assertThat(reading.metadata().attachments())
                .containsExactly(new AttachmentInfo("shallow.pdf", "application/pdf", 5));
        assertThat(reading.problems()).extracting(MimeProblem::kind).containsExactly(Kind.NESTING_TOO_DEEP);
    }

    @Test
    void veryLongLinesAreReadAndReported() {
        String longSubject = "S".repeat(5000);
        String body = "x".repeat(200_000);
        byte[] message = ("From: a@example.org\r\nDate: Tue, 5 Mar 2024 10:00:00 +0000\r\nSubject: " + longSubject
                        + "\r\nContent-Type: application/octet-stream; name=blob\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);

        MimeReading.Readable reading = (MimeReading.Readable) extractor.extract(message);

        assertThat(reading.metadata().subject()).isEqualTo(longSubject);
        assertThat(reading.metadata().attachments())
                .containsExactly(new AttachmentInfo("blob", "application/octet-stream", 200_000));
        assertThat(reading.problems())
                .extracting(MimeProblem::detail)
                .containsExactly("the longest line has 200000 octets (RFC 5322 allows 998)");
    }

    @Test
    void forwardedAndDigestMessagesAreAttachmentsNamedAfterTheirSubjectAndAShownCidImageIsNot() {
        byte[] message = ("""
                From: a@example.org\r
                Date: Tue, 5 Mar 2024 10:00:00 +0000\r
                Content-Type: multipart/mixed; boundary=outer\r
                \r
                --outer\r
                Content-Type: multipart/related; boundary=rel\r
                \r
                --rel\r
                Content-Type: text/html\r
                \r
                <img src="cid:logo">\r
                --rel\r
                Content-Type: image/png\r
                Content-ID: <logo>\r
                Content-Transfer-Encoding: base64\r
                \r
                iVBORw0K\r
                --rel--\r
                --outer\r
                Content-Type: message/rfc822\r
                \r
                Subject: forwarded\r
                \r
                hi\r
                --outer\r
                Content-Type: multipart/digest; boundary=dig\r
                \r
                --dig\r
                \r
                Subject: digest entry\r
                --dig--\r
                --outer--\r
                """).getBytes(StandardCharsets.US_ASCII);

        MimeReading.Readable reading = (MimeReading.Readable) extractor.extract(message);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.metadata().hasHtmlBody()).isTrue();
        assertThat(reading.metadata().hasTextBody()).isFalse();
        // The cid image is shown by the HTML body (RFC 2392), so it is no attachment; attached
        // messages are named after their Subject.
        assertThat(reading.metadata().attachments())
                .containsExactly(
                        new AttachmentInfo("forwarded.eml", "message/rfc822", 24),
                        new AttachmentInfo("digest entry.eml", "message/rfc822", 21));
    }

    @Test
    void partsBeyondTheLimitAreNotRead() {
        StringBuilder message = new StringBuilder("From: a@example.org\r\nDate: Tue, 5 Mar 2024 10:00:00 +0000\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n");
        for (int i = 0; i < MimeMetadataExtractor.MAX_PARTS + 5; i++) {
            message.append("--b\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n");
        }
        message.append("--b--\r\n");

        MimeReading.Readable reading =
                (MimeReading.Readable) extractor.extract(message.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(reading.metadata().attachments()).hasSize(MimeMetadataExtractor.MAX_PARTS);
        assertThat(reading.problems()).extracting(MimeProblem::kind).containsExactly(Kind.TOO_MANY_PARTS);
    }

    @ParameterizedTest(name = "{0} survives truncation and byte damage")
    @ValueSource(
            strings = {
                "plain-text.eml",
                "multipart-mixed-attachments.eml",
                "malformed-bare-lf.eml",
                "subject-rfc2047-utf8.eml",
                "malformed-bad-base64.eml",
                "malformed-unterminated-boundary.eml"
            })
    void damagedVariantsOfTheCorpusNeverThrow(String name) {
        byte[] original = resource(name);
        Random random = new Random(name.hashCode());
        for (int round = 0; round < 300; round++) {
            byte[] damaged = java.util.Arrays.copyOf(original, 1 + random.nextInt(original.length));
            for (int flips = random.nextInt(8); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] = (byte)
                        (random.nextBoolean() ? "\r\n-=:;\"<>()?\0 ".charAt(random.nextInt(14)) : random.nextInt(256));
            }
            assertThatCode(() -> {
                        MimeReading reading = extractor.extract(damaged);
                        if (reading instanceof MimeReading.Readable readable) {
                            assertThat(readable.metadata().totalSize()).isEqualTo(damaged.length);
                            // Whatever is read must also survive the storage encoding.
                            assertThat(MessageMetadata.decode(
                                            readable.metadata().encode()))
                                    .isEqualTo(readable.metadata());
                        }
                    })
                    .as("round %d of %s", round, name)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void problemDetailsNeverQuoteMessageContent() {
        for (String name : List.of(
                "malformed-bad-date-and-addresses.eml",
                "malformed-unknown-charset.eml",
                "raw-latin1-headers.eml",
                "malformed-nul-bytes.eml")) {
            MimeReading.Readable reading = readable(name);
            for (MimeProblem problem : reading.problems()) {
                assertThat(problem.detail())
                        .doesNotContain(
                                "alice",
                                "Unterminated",
                                "Worf",
                                "Hello",
                                "Gr",
                                "yesterday",
                                "NUL\0",
                                "just-a-name",
                                "dave");
            }
        }
    }

    private MimeReading.Readable readable(String name) {
        MimeReading reading = extractor.extract(resource(name));
        assertThat(reading).isInstanceOf(MimeReading.Readable.class);
        return (MimeReading.Readable) reading;
    }

    static byte[] resource(String name) {
        try (InputStream in = MimeMetadataExtractorTest.class.getResourceAsStream("/mime-corpus/" + name)) {
            assertThat(in).as("test resource mime-corpus/" + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
