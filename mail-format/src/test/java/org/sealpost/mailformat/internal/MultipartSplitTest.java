package org.sealpost.mailformat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the parts of a multipart lie, found in place (RFC 2046 section 5.1.1), leniently. */
class MultipartSplitTest {

    private static List<String> parts(String body, String boundary, int max) {
        byte[] data = body.getBytes(StandardCharsets.ISO_8859_1);
        return MultipartSplit.split(data, 0, data.length, boundary, max).parts().stream()
                .map(p -> new String(data, p[0], p[1] - p[0], StandardCharsets.ISO_8859_1))
                .toList();
    }

    @Test
    void partsLieBetweenDelimitersWhoseLineBreaksBelongToThem() {
        String body = "preamble\r\n--b\r\nA: 1\r\n\r\none\r\n--b  \r\n\r\ntwo\r\n--b--\r\nepilogue\r\n";
        MultipartSplit.Result result =
                MultipartSplit.split(body.getBytes(StandardCharsets.ISO_8859_1), 0, body.length(), "b", 10);

        assertThat(parts(body, "b", 10)).containsExactly("A: 1\r\n\r\none", "\r\ntwo");
        assertThat(result.closed()).isTrue();
        assertThat(result.cutShort()).isFalse();
    }

    @Test
    void aLineThatOnlyStartsWithTheBoundaryIsContent() {
        assertThat(parts("--b\r\n\r\n--bx\r\n--b--\r\n", "b", 10)).containsExactly("\r\n--bx");
    }

    @Test
    void withoutCloseDelimiterTheLastPartRunsToTheEnd() {
        String body = "--b\n\none\n--b\n\ntwo\n";
        MultipartSplit.Result result =
                MultipartSplit.split(body.getBytes(StandardCharsets.ISO_8859_1), 0, body.length(), "b", 10);

        assertThat(parts(body, "b", 10)).containsExactly("\none", "\ntwo\n");
        assertThat(result.closed()).isFalse();
    }

    @Test
    void withoutBoundaryParameterTheFirstDashLineIsTheDelimiter() {
        assertThat(parts("intro\r\n-----\r\n--guess\r\n\r\nx\r\n--guess--\r\n", null, 10))
                .containsExactly("\r\nx");
    }

    @Test
    void aBoundaryThatNeverOccursFindsNothing() {
        byte[] data = "--other\r\n\r\nx\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MultipartSplit.split(data, 0, data.length, "b", 10).found()).isFalse();
    }

    @Test
    void partsBeyondTheLimitAreNotSplitOff() {
        String body = "--e\r\n\r\n".repeat(1000) + "--e--\r\n";
        MultipartSplit.Result result =
                MultipartSplit.split(body.getBytes(StandardCharsets.ISO_8859_1), 0, body.length(), "e", 3);

        assertThat(result.parts()).hasSize(3);
        assertThat(result.cutShort()).isTrue();
    }
}
