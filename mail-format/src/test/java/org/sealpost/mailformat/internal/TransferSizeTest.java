package org.sealpost.mailformat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.MimeProblem;

class TransferSizeTest {

    private final Problems problems = new Problems();

    @Test
    void base64SizeMatchesTheDecodedLengthForEveryPaddingCase() throws IOException {
        Random random = new Random(7);
        for (int length = 0; length < 200; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String encoded = Base64.getMimeEncoder().encodeToString(data);

            assertThat(count(encoded, "base64")).as("length %d", length).isEqualTo(length);
        }
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void quotedPrintableSizeCountsEscapesSoftBreaksAndTrailingWhitespace() throws IOException {
        assertThat(count("caf=C3=A9", "quoted-printable")).isEqualTo(5);
        assertThat(count("long line =\r\ncontinued", "quoted-printable")).isEqualTo(19);
        assertThat(count("a  \r\nb", "Quoted-Printable")).as("trailing blanks are transport padding").isEqualTo(4);
        assertThat(count("x=  \r\ny", "quoted-printable")).as("soft break with blanks").isEqualTo(2);
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void badQuotedPrintableEscapesAreKeptLiterallyAndReported() throws IOException {
        assertThat(count("=ZZ=4", "quoted-printable")).isEqualTo(5);
        assertThat(problems.toList()).extracting(MimeProblem::detail)
                .containsExactly("part 1 has 2 invalid quoted-printable escape(s), kept literally");
    }

    @Test
    void identityEncodingsCountRawBytes() throws IOException {
        assertThat(count("abc\r\n", null)).isEqualTo(5);
        assertThat(count("abc", "8BIT")).isEqualTo(3);
        assertThat(count("abc", "binary")).isEqualTo(3);
        assertThat(count("abc", "x-gzip64")).isEqualTo(3);
        assertThat(problems.toList()).extracting(MimeProblem::detail).containsExactly(
                "part 1 uses Content-Transfer-Encoding \"x-gzip64\"; its size is the encoded size");
    }

    private long count(String content, String encoding) throws IOException {
        return TransferSize.count(new ByteArrayInputStream(content.getBytes(StandardCharsets.US_ASCII)), encoding,
                "part 1", problems);
    }
}
