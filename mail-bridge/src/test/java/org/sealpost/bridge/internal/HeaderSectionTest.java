package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderSectionTest {

    @Test
    void findsEveryValueOfAFieldCaseInsensitively() {
        assertThat(HeaderSection.values(bytes("A: 1\r\nb: 2\r\na: 3\r\n\r\nA: body\r\n"), "a"))
                .containsExactly(" 1", " 3");
    }

    @Test
    void unfoldsContinuationLines() {
        assertThat(HeaderSection.values(bytes("Subject: one\r\n two\r\n\tthree\r\n\r\n"), "Subject"))
                .containsExactly(" one two\tthree");
    }

    @Test
    void acceptsBareLineFeedsAndWhiteSpaceBeforeTheColon() {
        assertThat(HeaderSection.values(bytes("X-Flag : yes\nOther: x\n\nbody"), "x-flag"))
                .containsExactly(" yes");
    }

    @Test
    void headerSectionEndsAtTheFirstLineThatIsNoHeaderField() {
        assertThat(HeaderSection.values(bytes("A: 1\r\nnot a header\r\nB: 2\r\n"), "B"))
                .isEmpty();
    }

    @Test
    void messageOfOnlyHeaderFieldsIsAllHeader() {
        assertThat(HeaderSection.values(bytes("A: 1\r\nB: 2"), "B")).containsExactly(" 2");
    }

    @Test
    void eightBitBytesAndNulsAreReadNotRejected() {
        byte[] message = {'S', ':', ' ', (byte) 0xFC, 0, '\r', '\n', 'F', ':', ' ', 'y', '\r', '\n'};

        assertThat(HeaderSection.values(message, "F")).containsExactly(" y");
        assertThat(HeaderSection.values(message, "S")).containsExactly(" \u00FC\u0000");
    }

    @Test
    void emptyMessageHasNoFields() {
        assertThat(HeaderSection.values(new byte[0], "A")).isEmpty();
    }

    @Test
    void neverThrowsOnRandomBytes() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            assertThatCode(() -> HeaderSection.values(garbage, "X-Sealpost-Encrypt"))
                    .doesNotThrowAnyException();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
