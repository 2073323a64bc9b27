package org.sealpost.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void blockElementsSeparateWordsAndInlineMarkupDoesNot() {
        assertThat(HtmlText.of("<p>first</p><p>second<br>third</p><div>M<b>ü</b>ller</div>"))
                .isEqualTo("first second third Müller");
    }

    @Test
    void characterReferencesAreDecoded() {
        assertThat(HtmlText.of("Fish &amp; chips &#64; caf&eacute; &#x4D;&#252;ller&nbsp;AG &bogus;"))
                .isEqualTo("Fish & chips @ café Müller AG &bogus;");
    }

    @Test
    void commentsAndAttributesLeaveNoWords() {
        assertThat(HtmlText.of("<!-- hidden secret --><a href=\"https://x.example/trackword\" title=\"tip\">link</a>"))
                .isEqualTo("link");
    }

    @Test
    void nothingGivesNothing() {
        assertThat(HtmlText.of(null)).isEmpty();
        assertThat(HtmlText.of("  <br/> ")).isEmpty();
    }
}
