package org.sealpost.portal.message.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.internal.RawHeaderSection;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.mailformat.view.MessageRendering;
import org.sealpost.mailformat.view.ParsedMessage;
import org.sealpost.mailformat.view.RenderedAttachment;
import org.sealpost.mailformat.view.RenderedMessage;

/**
 * Issue 14 finding 3: the limits that keep a hostile message cheap degrade it with a reason the
 * page tells (never an exception, never a refused 250'd message), and a message is read once
 * for its page, images and downloads.
 */
class MessageLimitsTest {

    private static final RenderOptions OPTIONS = RenderOptions.blockingRemoteImages(cid -> "/cid/" + cid);
    private static final String TOP = "From: Alice <alice@example.org>\r\nTo: bob@example.com\r\nSubject: Limits\r\n"
            + "Date: Thu, 3 Dec 2026 08:00:00 +0000\r\n";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHeaderSectionOverTheLimitIsReadUpToItAndTheBodyIsStillFound() {
        byte[] raw = HostileMime.hugeHeaderSection(1024 * 1024);

        RenderedMessage page = MessageRendering.render(raw, OPTIONS);
        MimeReading.Readable intake = (MimeReading.Readable) new MimeMetadataExtractor().extract(raw);

        assertThat(page.textBody()).contains("body after a large header section");
        assertThat(page.notShown()).containsExactly(Kind.HEADER_SECTION_TOO_LARGE);
        assertThat(intake.problems()).extracting(MimeProblem::kind).contains(Kind.HEADER_SECTION_TOO_LARGE);
        assertThat(intake.metadata().subject())
                .as("fields before the limit are read")
                .isEqualTo("hostile");
        assertThat(intake.metadata().totalSize()).isEqualTo(raw.length);
    }

    @Test
    void aFieldAfterTheHeaderLimitIsNotRead() {
        String filler = ("X-Filler: " + "y".repeat(100) + "\r\n").repeat(RawHeaderSection.MAX_BYTES / 100);
        byte[] raw = bytes("From: a@example.org\r\n" + filler + "Subject: late\r\n\r\nbody\r\n");

        MimeReading.Readable intake = (MimeReading.Readable) new MimeMetadataExtractor().extract(raw);

        assertThat(intake.metadata().subject()).isNull();
        assertThat(MessageRendering.render(raw, OPTIONS).textBody()).isEqualTo("body\r\n");
    }

    @Test
    void aBodyTextOverTheLimitIsShownShortenedAndSaysSo() {
        byte[] raw = HostileMime.largeBase64Body("text/plain", 4 * MessageRendering.MAX_BODY_BYTES);

        RenderedMessage page = MessageRendering.render(raw, OPTIONS);

        assertThat(page.textBody())
                .hasSizeLessThanOrEqualTo(MessageRendering.MAX_BODY_BYTES)
                .startsWith("AAAA");
        assertThat(page.notShown()).containsExactly(Kind.BODY_TOO_LARGE);
    }

    @Test
    void aShortenedUtf8BodyIsCutBetweenCharacters() {
        // Two-byte characters, no line breaks: the cut must not split one (else the text turns to mojibake).
        String text = "ä".repeat(MessageRendering.MAX_BODY_BYTES / 2 + 7);
        byte[] raw = bytes(TOP + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "x" + text);

        String shown = MessageRendering.render(raw, OPTIONS).textBody();

        assertThat(shown).startsWith("xää").doesNotContain("\uFFFD", "Ã");
    }

    @Test
    void millionsOfEmptyPartsStopAtThePartLimitWithoutBeingCreated() {
        byte[] raw = HostileMime.emptyParts(8 * 1024 * 1024);

        RenderedMessage page = MessageRendering.render(raw, OPTIONS);
        MimeReading.Readable intake = (MimeReading.Readable) new MimeMetadataExtractor().extract(raw);

        assertThat(page.attachments()).hasSizeLessThan(MimeMetadataExtractor.MAX_PARTS);
        assertThat(page.notShown()).containsExactly(Kind.TOO_MANY_PARTS);
        // Cut by us, not by the sender: no "unterminated" complaint.
        assertThat(page.problems()).extracting(MimeProblem::kind).doesNotContain(Kind.UNTERMINATED_MULTIPART);
        assertThat(intake.problems()).extracting(MimeProblem::kind).containsExactly(Kind.TOO_MANY_PARTS);
    }

    @Test
    void partsNestedBeyondTheDepthLimitAreToldOfAndTheRestIsShown() {
        byte[] raw = HostileMime.nested(100, 1024);

        RenderedMessage page = MessageRendering.render(raw, OPTIONS);

        assertThat(page.textBody()).isEqualTo("level 0");
        assertThat(page.notShown()).containsExactly(Kind.NESTING_TOO_DEEP);
    }

    @Test
    void aParsedMessageServesTheDeepestPartWithoutReadingTheMessageAgain() {
        byte[] raw = HostileMime.nested(MimeMetadataExtractor.MAX_DEPTH - 1, 300_000);
        ParsedMessage parsed = MessageRendering.parse(raw);
        RenderedAttachment data = parsed.attachments().stream()
                .filter(a -> a.fileName().equals("data.bin"))
                .findFirst()
                .orElseThrow();

        // The bytes are views on the one array: changing it (never done in the portal) shows through.
        Optional<byte[]> before = parsed.content(data.partId());
        int at = indexOf(raw, "Content-Transfer-Encoding: base64\r\n\r\n") + 37;
        raw[at] = raw[at] == 'A' ? (byte) 'B' : (byte) 'A';
        Optional<byte[]> after = parsed.content(data.partId());

        assertThat(before).isPresent();
        assertThat(before.get()).hasSize((int) data.size());
        assertThat(after.get()[0])
                .as("read from the message's own array, not a copy")
                .isNotEqualTo(before.get()[0]);
        assertThat(parsed.render(OPTIONS).attachments()).isEqualTo(parsed.attachments());
    }

    private static int indexOf(byte[] data, String text) {
        String all = new String(data, StandardCharsets.ISO_8859_1);
        return all.lastIndexOf(text);
    }
}
