package org.sealpost.portal.warmup;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;

/**
 * The messages the warm-up reads: the shapes a portal's mail comes in (RFC 5322, RFC 2045-2047),
 * not one message many times. Compiled code keeps the branches and types it saw; a warm-up whose
 * messages all had an attachment, one size and both bodies left the inbox's paper-clip, the size
 * formatting and the parser's single-part paths to be compiled, and some of its code to be thrown
 * away, when the first users' plain-text mail arrived (docs/BENCHMARKS.md, "Session of
 * 2026-12-06, seventh": deoptimisations in the listing's lines, the size formatter and the parsed
 * message at readiness).
 *
 * @param raw      the message as the bridge stores it
 * @param metadata its metadata record, as the intake writes it
 */
record SampleMail(byte[] raw, byte[] metadata) {

    /** In the order the reader's inbox and the rehearsal's rounds cycle through them. */
    static final List<SampleMail> SHAPES = List.of(
            of(statementWithAttachment()),
            of(plainText()),
            of(htmlOnly()),
            of(longAlternative()),
            of(plainTextWithLargeAttachment()));

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** The {@code n}th of the shapes, cycling. */
    static SampleMail nth(int n) {
        return SHAPES.get(Math.floorMod(n, SHAPES.size()));
    }

    /** The next shape for a round, cycling across every worker's rounds. */
    static SampleMail next() {
        return nth(NEXT.getAndIncrement());
    }

    private static SampleMail of(String message) {
        byte[] raw = message.getBytes(StandardCharsets.UTF_8);
        MessageMetadata metadata = ((MimeReading.Readable) new MimeMetadataExtractor().extract(raw)).metadata();
        return new SampleMail(raw, metadata.encode());
    }

    /** Plain text and HTML (the sanitiser's path), and a PDF: a bank's typical notified message. */
    private static String statementWithAttachment() {
        return """
                From: Warm-up <warm-up@sealpost.invalid>\r
                To: Nobody <nobody@sealpost.invalid>\r
                Subject: warm-up\r
                Date: Thu, 3 Dec 2026 12:00:00 +0000\r
                Message-ID: <warm-up@sealpost.invalid>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="outer"\r
                \r
                --outer\r
                Content-Type: multipart/alternative; boundary="inner"\r
                \r
                --inner\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Dear customer, your statement is attached.\r
                --inner\r
                Content-Type: text/html; charset=utf-8\r
                \r
                <html><body><p style="color:#333">Dear customer, your <b>statement</b> is attached.</p>\r
                <img src="https://tracker.invalid/p.gif"><a href="https://bank.invalid/">bank</a><script>x()</script></body></html>\r
                --inner--\r
                --outer\r
                Content-Type: application/pdf; name="statement.pdf"\r
                Content-Disposition: attachment; filename="statement.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==\r
                --outer--\r
                """;
    }

    /** One text/plain part, quoted-printable, with an encoded-word subject (RFC 2047). */
    private static String plainText() {
        return """
                From: =?utf-8?q?Praxis_M=C3=BCller?= <praxis@sealpost.invalid>\r
                To: nobody@sealpost.invalid\r
                Subject: =?utf-8?q?Ihr_Befund_vom_3._Dezember?=\r
                Date: Thu, 3 Dec 2026 12:05:00 +0100\r
                Message-ID: <warm-up-plain@sealpost.invalid>\r
                MIME-Version: 1.0\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                Guten Tag,\r
                \r
                Ihr Befund liegt vor. Bitte vereinbaren Sie einen Termin f=C3=BCr die Besprec=\r
                hung.\r
                \r
                Mit freundlichen Gr=C3=BC=C3=9Fen\r
                """;
    }

    /** One text/html part and nothing else, as many newsletters and web forms send. */
    private static String htmlOnly() {
        return """
                From: Service <service@sealpost.invalid>\r
                To: nobody@sealpost.invalid\r
                Subject: Your account overview\r
                Date: Thu, 3 Dec 2026 12:10:00 +0000\r
                Message-ID: <warm-up-html@sealpost.invalid>\r
                MIME-Version: 1.0\r
                Content-Type: text/html; charset=iso-8859-1\r
                \r
                <!DOCTYPE html><html><head><style>td{padding:4px}</style></head><body>\r
                <table><tr><td>Balance</td><td>1.234,56 EUR</td></tr><tr><td>Due</td><td>5.12.2026</td></tr></table>\r
                <p onclick="steal()">Questions? <a href="mailto:service@bank.invalid">Write to us</a>.</p>\r
                <iframe src="https://evil.invalid/"></iframe><form action="https://evil.invalid/"><input name="pin"></form>\r
                </body></html>\r
                """;
    }

    /** A longer text and HTML alternative, some kilobytes, without an attachment. */
    private static String longAlternative() {
        String paragraph = "The terms of your contract change on 1 January 2027; the details follow. ";
        return """
                From: Contracts <contracts@sealpost.invalid>\r
                To: nobody@sealpost.invalid\r
                Cc: advisor@sealpost.invalid\r
                Reply-To: advisor@sealpost.invalid\r
                Subject: Changes to your contract\r
                Date: Thu, 3 Dec 2026 12:15:00 +0000\r
                Message-ID: <warm-up-long@sealpost.invalid>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="alt"\r
                \r
                --alt\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                %s\r
                --alt\r
                Content-Type: text/html; charset=utf-8\r
                \r
                <html><body><p>%s</p></body></html>\r
                --alt--\r
                """.formatted(lines(paragraph, 80), lines(paragraph, 80));
    }

    /** {@code text} on {@code count} lines: RFC 5322 (section 2.1.1) keeps a line under 1,000 characters. */
    private static String lines(String text, int count) {
        return String.join("\r\n", Collections.nCopies(count, text));
    }

    /** A short text with a binary attachment of some tens of kilobytes. */
    private static String plainTextWithLargeAttachment() {
        byte[] attachment = new byte[48 * 1024];
        for (int i = 0; i < attachment.length; i++) {
            attachment[i] = (byte) (i * 31 + (i >> 8));
        }
        return """
                From: Scans <scanner@sealpost.invalid>\r
                To: nobody@sealpost.invalid\r
                Subject: Scanned document\r
                Date: Thu, 3 Dec 2026 12:20:00 +0000\r
                Message-ID: <warm-up-scan@sealpost.invalid>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="scan"\r
                \r
                --scan\r
                Content-Type: text/plain; charset=us-ascii\r
                \r
                The scanned document is attached.\r
                --scan\r
                Content-Type: image/jpeg; name="scan.jpg"\r
                Content-Disposition: attachment; filename="scan.jpg"\r
                Content-Transfer-Encoding: base64\r
                \r
                %s\r
                --scan--\r
                """.formatted(Base64.getMimeEncoder().encodeToString(attachment));
    }
}
