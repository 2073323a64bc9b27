package org.sealpost.mailformat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sealpost.mailformat.MimeProblem;
import org.sealpost.mailformat.MimeProblem.Kind;

class HeaderTextTest {

    private final Problems problems = new Problems();

    @Test
    void adjacentEncodedWordsAreJoinedAndTheWhitespaceBetweenThemDropped() {
        assertThat(decode("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=")).isEqualTo("ab");
        assertThat(decode("=?ISO-8859-1?Q?a?=\r\n\t=?ISO-8859-1?Q?b?=")).isEqualTo("ab");
        assertThat(decode("=?ISO-8859-1?Q?a?= b =?ISO-8859-1?Q?c?=")).isEqualTo("a b c");
        assertThat(decode("=?ISO-8859-1?Q?a_b?=")).isEqualTo("a b");
        assertThat(problems.toList()).isEmpty();
    }

    @Test
    void utf8CharacterSplitAcrossTwoBase64WordsIsReassembled() {
        // "ü" is C3 BC; the first word ends after C3.
        assertThat(decode("=?UTF-8?B?w4E=?=")).isEqualTo("Á");
        assertThat(decode("=?UTF-8?B?UHLD?= =?UTF-8?B?vGY=?=")).isEqualTo("Prüf");
    }

    @Test
    void encodedWordsInsideTextAndWithLanguageSuffixAreDecoded() {
        assertThat(decode("Re:=?utf-8?q?_caf=C3=A9?=!")).isEqualTo("Re: café!");
        assertThat(decode("=?UTF-8*de?Q?Gr=C3=BC=C3=9Fe?=")).isEqualTo("Grüße");
    }

    @Test
    void damagedBase64WordIsDecodedLenientlyAndReported() {
        assertThat(decode("=?UTF-8?B?SGVs*bG8?=")).isEqualTo("Hello");
        assertThat(problems.toList()).extracting(MimeProblem::kind).containsExactly(Kind.UNDECODABLE_HEADER_ENCODING);
    }

    @Test
    void unknownCharsetIsReadAsUtf8OrLatin1AndReported() {
        assertThat(decode("=?x-unknown?Q?caf=C3=A9?=")).isEqualTo("café");
        assertThat(decode("=?x-unknown?Q?caf=E9?=")).isEqualTo("café");
        assertThat(problems.toList()).extracting(MimeProblem::kind).containsOnly(Kind.UNKNOWN_CHARSET);
    }

    @Test
    void textWithoutEncodedWordsIsUnchanged() {
        assertThat(decode("plain = text ? with =? marks")).isEqualTo("plain = text ? with =? marks");
    }

    @Test
    void raw8BitBytesAreUtf8WhenValidElseLatin1() {
        assertThat(HeaderText.fromBytes("Grüße".getBytes(StandardCharsets.UTF_8), "Subject header", problems))
                .isEqualTo("Grüße");
        assertThat(problems.toList()).isEmpty();
        assertThat(HeaderText.fromBytes("Grüße".getBytes(StandardCharsets.ISO_8859_1), "Subject header", problems))
                .isEqualTo("Grüße");
        assertThat(problems.toList()).extracting(MimeProblem::kind).containsExactly(Kind.RAW_8BIT_HEADER);
    }

    @Test
    void controlCharactersIncludingEncodedLineBreaksBecomeSpaces() {
        assertThat(HeaderText.withoutControls(decode("=?UTF-8?Q?a=0D=0ABcc:_x@example.org?=")))
                .isEqualTo("a  Bcc: x@example.org");
        assertThat(HeaderText.withoutControls("tab\tnul\0del\u007fc1\u0085")).isEqualTo("tab nul del c1 ");
    }

    @Test
    void problemDetailsShowOnlySafeCharsetNames() {
        decode("=?<script>alert(1)</script>?Q?x?=");
        decode("=?evil\u00e9\u2028name?Q?x?=");

        assertThat(problems.toList())
                .extracting(MimeProblem::detail)
                .containsExactly(
                        "Subject header uses unknown charset \"?script?alert?1??/script?\"; read as UTF-8 or ISO-8859-1",
                        "Subject header uses unknown charset \"evil??name\"; read as UTF-8 or ISO-8859-1");
    }

    private String decode(String text) {
        return HeaderText.decodeEncodedWords(text, "Subject header", problems);
    }
}
