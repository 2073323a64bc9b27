package org.sealpost.mailformat.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;
import org.sealpost.mailformat.html.RenderOptions;

class MessageRenderingTest {

    private static final RenderOptions OPTIONS = RenderOptions.blockingRemoteImages(
            cid -> "/message/attachment?m=42&cid=" + URLEncoder.encode(cid, StandardCharsets.UTF_8));

    private static final String HEAD = "From: Alice <alice@example.org>\nTo: bob@example.com\nSubject: Test\n"
            + "Date: Tue, 5 Mar 2024 10:15:00 +0100\nMIME-Version: 1.0\n";

    /** Message text with LF line ends turned into CRLF, as on the wire. */
    private static byte[] mime(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(bytes);
    }

    @Test
    void plainTextMessageIsShownAsDecodedTextWithoutHtml() {
        RenderedMessage m = MessageRendering.render(mime(HEAD + """
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Gr=C3=BC=C3=9Fe aus M=C3=BCnchen, <b>not bold</b> and a very long line that =
                continues here.
                """), OPTIONS);

        assertThat(m.textBody())
                .isEqualTo("Grüße aus München, <b>not bold</b> and a very long line that continues here.\r\n");
        assertThat(m.safeHtmlBody()).isNull();
        assertThat(m.attachments()).isEmpty();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void htmlOnlyMessageIsSanitisedAndItsRemoteImagesCounted() {
        RenderedMessage m = MessageRendering.render(mime(HEAD + """
                Content-Type: text/html; charset=utf-8

                <html><body><p onclick="x()">Grüße</p><script>alert(1)</script>
                <img src="https://tracker.example/p.gif"></body></html>
                """), OPTIONS);

        assertThat(m.textBody()).isNull();
        assertThat(m.safeHtmlBody()).startsWith("<p>Grüße</p>").doesNotContain("script", "onclick", "tracker", "<img");
        assertThat(m.blockedRemoteImages()).isOne();
    }

    @Test
    void htmlInLatin1IsDecodedWithItsDeclaredCharset() {
        byte[] raw = (HEAD.replace("\n", "\r\n")
                        + "Content-Type: text/html; charset=iso-8859-1\r\n\r\n<p>M\u00fcnchen</p>")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(MessageRendering.render(raw, OPTIONS).safeHtmlBody()).isEqualTo("<p>München</p>");
    }

    @Test
    void unknownCharsetFallsBackToUtf8AndIsReported() {
        RenderedMessage m = MessageRendering.render(mime(HEAD + """
                Content-Type: text/plain; charset=x-no-such-charset

                Grüße
                """), OPTIONS);

        assertThat(m.textBody()).isEqualTo("Grüße\r\n");
        assertThat(m.problems()).extracting(MimeProblem::kind).containsExactly(Kind.UNKNOWN_CHARSET);
    }

    @Test
    void multipartAlternativeShowsTheSanitisedHtmlAndKeepsTheTextAlternative() {
        RenderedMessage m = MessageRendering.render(mime(HEAD + """
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                Plain version
                --alt
                Content-Type: text/html; charset=utf-8

                <p>HTML <i>version</i></p><iframe src="https://evil.example/"></iframe>
                --alt--
                """), OPTIONS);

        assertThat(m.safeHtmlBody()).isEqualTo("<p>HTML <i>version</i></p>");
        assertThat(m.textBody()).isEqualTo("Plain version");
        assertThat(m.attachments()).isEmpty();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void multipartAlternativeWithoutHtmlShowsText() {
        RenderedMessage m = MessageRendering.render(mime(HEAD + """
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain

                Only text
                --alt
                Content-Type: text/enriched

                <bold>Only text</bold>
                --alt--
                """), OPTIONS);

        assertThat(m.textBody()).isEqualTo("Only text");
        assertThat(m.safeHtmlBody()).isNull();
    }

    @Test
    void multipartMixedListsAttachmentsWithDecodedNamesSizesAndPartIds() {
        byte[] pdf = new byte[1040];
        new Random(7).nextBytes(pdf);
        byte[] sheet = "a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8);
        byte[] raw = mime(HEAD + """
                Content-Type: multipart/mixed; boundary="mix"

                --mix
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain

                See attachments.
                --alt
                Content-Type: text/html

                <p>See <b>attachments</b>.</p>
                --alt--

                --mix
                Content-Type: application/pdf; name="report.pdf"
                Content-Disposition: attachment; filename="report.pdf"
                Content-Transfer-Encoding: base64

                %s
                --mix
                Content-Type: text/csv
                Content-Disposition: attachment;
                 filename*0*=UTF-8''Pr%%C3%%BCfbericht%%20;
                 filename*1*=%%E2%%80%%93%%20Q3.csv

                a;b;c
                1;2;3

                --mix
                Content-Type: APPLICATION/octet-stream; name="=?ISO-8859-1?Q?=DCbersicht.bin?="

                xyz
                --mix--
                """.formatted(base64(pdf)));

        RenderedMessage m = MessageRendering.render(raw, OPTIONS);

        assertThat(m.problems()).isEmpty();
        assertThat(m.textBody()).isEqualTo("See attachments.");
        assertThat(m.safeHtmlBody()).isEqualTo("<p>See <b>attachments</b>.</p>");
        assertThat(m.attachments())
                .containsExactly(
                        new RenderedAttachment("2", "report.pdf", "application/pdf", 1040, false, null),
                        new RenderedAttachment("3", "Prüfbericht – Q3.csv", "text/csv", sheet.length + 2L, false, null),
                        new RenderedAttachment("4", "Übersicht.bin", "application/octet-stream", 3, false, null));
        assertThat(MessageRendering.attachmentContent(raw, "2"))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(pdf));
        assertThat(MessageRendering.attachmentContent(raw, "4"))
                .hasValueSatisfying(b ->
                        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("xyz"));
        assertThat(MessageRendering.attachmentContent(raw, "1.2"))
                .hasValueSatisfying(b ->
                        assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("<p>See <b>attachments</b>.</p>"));
        assertThat(MessageRendering.attachmentContent(raw, "1"))
                .as("a multipart has no content of its own")
                .isEmpty();
        assertThat(MessageRendering.attachmentContent(raw, "5")).isEmpty();
        assertThat(MessageRendering.attachmentContent(raw, "2.1")).isEmpty();
        assertThat(MessageRendering.attachmentContent(raw, "")).isEmpty();
    }

    @Test
    void singlePartBodyIsPartOne() {
        byte[] raw = mime(HEAD + "Content-Type: text/plain\n\nHello\n");

        assertThat(MessageRendering.attachmentContent(raw, "1"))
                .hasValueSatisfying(b ->
                        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("Hello\r\n"));
    }

    @Test
    void multipartRelatedRewritesCidImagesThroughTheGivenFunction() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        byte[] raw = mime(HEAD + """
                Content-Type: multipart/related; boundary="rel"; type="text/html"

                --rel
                Content-Type: text/html; charset=utf-8

                <p>Logo: <img src="cid:logo@example.org" alt="Logo"> <img src="cid:absent@example.org"></p>
                --rel
                Content-Type: image/png
                Content-ID: <logo@example.org>
                Content-Transfer-Encoding: base64

                %s
                --rel--
                """.formatted(base64(png)));

        RenderedMessage m = MessageRendering.render(raw, OPTIONS);

        assertThat(m.safeHtmlBody())
                .isEqualTo(
                        "<p>Logo: <img src=\"/message/attachment?m&#61;42&amp;cid&#61;logo%40example.org\" alt=\"Logo\" /> </p>");
        // The body shows the image, so it is no attachment (RFC 2392, RFC 2387); it is served as an inline image.
        assertThat(m.attachments()).isEmpty();
        assertThat(MessageRendering.parse(raw).inlineImages())
                .containsExactly(
                        new RenderedAttachment("2", "image-1.png", "image/png", png.length, true, "logo@example.org"));
        assertThat(m.blockedRemoteImages()).isZero();
        assertThat(MessageRendering.attachmentContent(raw, "2"))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(png));
    }

    @Test
    void remoteImagesAreKeptWhenTheRecipientAskedForThem() {
        byte[] raw = mime(HEAD + "Content-Type: text/html\n\n<img src=\"https://cdn.example/a.png\">\n");

        assertThat(MessageRendering.render(raw, OPTIONS).safeHtmlBody()).doesNotContain("<img");
        RenderedMessage shown = MessageRendering.render(raw, OPTIONS.withRemoteImages());
        assertThat(shown.safeHtmlBody()).contains("<img src=\"https://cdn.example/a.png\" />");
        assertThat(shown.blockedRemoteImages()).isZero();
    }

    @Test
    void brokenBoundaryStillShowsTheContentAndListsTheProblem() {
        RenderedMessage m = MessageRendering.render(mime(HEAD + """
                Content-Type: multipart/mixed; boundary="declared"

                --other
                Content-Type: text/plain

                The words are still here.
                --other--
                """), OPTIONS);

        assertThat(m.textBody()).contains("The words are still here.");
        assertThat(m.problems()).extracting(MimeProblem::kind).contains(Kind.BOUNDARY_NOT_FOUND);
    }

    @Test
    void badBase64AndMissingEndBoundaryYieldWhatCanBeReadPlusProblems() {
        byte[] raw = mime(HEAD + """
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                Body text
                --b
                Content-Type: application/octet-stream; name="data.bin"
                Content-Transfer-Encoding: base64

                SGVs*bG8g!d29y
                bGQ
                """);

        RenderedMessage m = MessageRendering.render(raw, OPTIONS);

        assertThat(m.textBody()).isEqualTo("Body text");
        assertThat(m.attachments()).extracting(RenderedAttachment::fileName).containsExactly("data.bin");
        assertThat(m.problems())
                .extracting(MimeProblem::kind)
                .contains(Kind.BAD_TRANSFER_ENCODING, Kind.UNTERMINATED_MULTIPART);
        assertThat(MessageRendering.attachmentContent(raw, "2"))
                .hasValueSatisfying(b ->
                        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("Hello world"));
    }

    @Test
    void bytesThatAreNoMessageRenderNothingAndSaySo() {
        for (byte[] raw :
                new byte[][] {null, new byte[0], "\r\n\r\n no header here".getBytes(StandardCharsets.US_ASCII)}) {
            RenderedMessage m = MessageRendering.render(raw, OPTIONS);

            assertThat(m.textBody()).isNull();
            assertThat(m.safeHtmlBody()).isNull();
            assertThat(m.problems()).extracting(MimeProblem::kind).containsExactly(Kind.UNREADABLE_PART);
            assertThat(MessageRendering.attachmentContent(raw, "1")).isEmpty();
        }
    }

    @Test
    void randomDamageNeverThrows() {
        byte[] sample = mime(HEAD + """
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                <p>Hi <img src=3D"cid:x@y"></p>
                --b
                Content-Type: image/gif; name*=UTF-8''%C3%A4.gif
                Content-ID: <x@y>
                Content-Transfer-Encoding: base64

                R0lGODlhAQABAAAAACw=
                --b--
                """);
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] damaged = sample.clone();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            byte[] cut = java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length + 1));
            assertThatCode(() -> {
                        MessageRendering.render(cut, OPTIONS);
                        MessageRendering.attachmentContent(cut, "2");
                    })
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void hostileFileNamesComeOutSafe() {
        RenderedMessage m = MessageRendering.render(mime(HEAD + """
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                Body
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="../../etc/passwd"

                x
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''evil%0D%0AX-Header%3A%201.pdf

                x
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="..\\\\..\\\\Windows\\\\win.ini"

                x
                --b
                Content-Type: not a type
                Content-Disposition: attachment; filename="..."

                x
                --b--
                """), OPTIONS);

        assertThat(m.attachments())
                .extracting(RenderedAttachment::fileName)
                .containsExactly("passwd", "evil  X-Header_ 1.pdf", "win.ini", "attachment-4.txt");
        assertThat(m.attachments())
                .extracting(RenderedAttachment::fileName)
                .allSatisfy(name -> assertThat(name).doesNotContainPattern("[\\p{Cntrl}/\\\\:]"));
        assertThat(m.attachments())
                .extracting(RenderedAttachment::contentType)
                .containsExactly(
                        "application/octet-stream", "application/pdf", "application/octet-stream", "text/plain");
    }
}
