package org.sealpost.mailformat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;

class TransferDecodingTest {

    private static String decode(String raw, String encoding, Problems problems) {
        return new String(
                TransferDecoding.decode(raw.getBytes(StandardCharsets.US_ASCII), encoding, "part 1", problems),
                StandardCharsets.UTF_8);
    }

    @Test
    void cleanBase64DecodesWithoutProblems() {
        Problems problems = new Problems();

        assertThat(decode("SGVsbG8g\r\nd29ybGQ=\r\n", "BASE64", problems)).isEqualTo("Hello world");
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void concatenatedPaddedBase64BlocksAllDecode() {
        assertThat(decode("SGk=SGk=", "base64", new Problems())).isEqualTo("HiHi");
    }

    @Test
    void damagedBase64KeepsTheReadableBytesAndReportsTheDamage() {
        Problems problems = new Problems();

        assertThat(decode("SGVs*bG8g!d29ybGQhX", "base64", problems)).isEqualTo("Hello world!");
        assertThat(problems.toList())
                .extracting(MimeProblem::kind)
                .containsOnly(Kind.BAD_TRANSFER_ENCODING)
                .hasSize(2);
    }

    @Test
    void quotedPrintableDecodesEscapesSoftBreaksAndDropsTrailingWhiteSpace() {
        Problems problems = new Problems();

        assertThat(decode("Gr=c3=BC=C3=9Fe  \r\nlong =\r\nline\r\n", "quoted-printable", problems))
                .isEqualTo("Grüße\r\nlong line\r\n");
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void brokenQuotedPrintableEscapeIsKeptAsWrittenAndReported() {
        Problems problems = new Problems();

        assertThat(decode("100=% sure =", "quoted-printable", problems)).isEqualTo("100=% sure ");
        assertThat(problems.toList()).extracting(MimeProblem::kind).containsExactly(Kind.BAD_TRANSFER_ENCODING);
    }

    @Test
    void unknownTransferEncodingPassesTheBytesOnAndIsReported() {
        Problems problems = new Problems();

        assertThat(decode("begin 644 x", "x-uuencode", problems)).isEqualTo("begin 644 x");
        assertThat(problems.toList()).extracting(MimeProblem::kind).containsExactly(Kind.UNKNOWN_TRANSFER_ENCODING);
    }
}
