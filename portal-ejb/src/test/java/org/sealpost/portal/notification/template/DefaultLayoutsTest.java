package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.language.Language;

/** The built-in mails share their frame through a layout and partials, resolved before parsing. */
class DefaultLayoutsTest {

    private static final String LAYOUT = """
            <html lang="{{$language}}en{{/language}}">
            <title>{{$title}}{{/title}}</title>
            <div style="border:1px;{{$accent}} color:{{accentColour}};{{/accent}}">
            {{$content}}{{/content}}
            </div>
            </html>
            """;

    private static final Function<String, String> LAYOUTS =
            name -> Map.of("frame", LAYOUT).get(name);
    private static final Function<String, String> PARTIALS =
            name -> Map.of("notice", "<p>If this was not you, call us.</p>\n<p>Sent to {{recipientAddress}}.</p>\n")
                    .get(name);

    @Test
    void aMailFillsTheBlocksOfItsLayoutAndTheTagLinesVanish() {
        String mail = """
                {{<frame}}
                {{$title}}Your account is ready{{/title}}
                {{$content}}
                <p>Hello,</p>
                <p>Your account is ready.</p>
                {{/content}}
                {{/frame}}
                """;

        assertThat(DefaultLayouts.resolve(mail, LAYOUTS, PARTIALS)).isEqualTo("""
                <html lang="en">
                <title>Your account is ready</title>
                <div style="border:1px; color:{{accentColour}};">
                <p>Hello,</p>
                <p>Your account is ready.</p>
                </div>
                </html>
                """);
    }

    @Test
    void aMailMayReplaceADefaultEvenWithNothing() {
        String mail = """
                {{<frame}}
                {{$language}}de{{/language}}
                {{$title}}Erinnerung{{/title}}
                {{$accent}}{{/accent}}
                {{$content}}
                <p>Guten Tag,</p>
                {{/content}}
                {{/frame}}
                """;

        assertThat(DefaultLayouts.resolve(mail, LAYOUTS, PARTIALS))
                .startsWith(
                        "<html lang=\"de\">\n<title>Erinnerung</title>\n<div style=\"border:1px;\">\n<p>Guten Tag,</p>\n");
    }

    @Test
    void aPartialOnItsOwnLineStandsInItsPlaceAndOneInALineKeepsTheLine() {
        String mail = """
                {{<frame}}
                {{$content}}
                <p>Hello,</p>
                {{>notice}}
                {{/content}}
                {{/frame}}
                """;

        assertThat(DefaultLayouts.resolve(mail, LAYOUTS, PARTIALS))
                .contains(
                        "<p>Hello,</p>\n<p>If this was not you, call us.</p>\n<p>Sent to {{recipientAddress}}.</p>\n</div>");
        assertThat(DefaultLayouts.resolve("<div>{{>notice}}</div>\n", LAYOUTS, PARTIALS))
                .isEqualTo("<div><p>If this was not you, call us.</p>\n<p>Sent to {{recipientAddress}}.</p>\n</div>\n");
    }

    @Test
    void aMailWithoutALayoutIsTakenAsItIs() {
        String whole = "<html>\n<p>{{organisationName}}</p>\n</html>\n";

        assertThat(DefaultLayouts.resolve(whole, LAYOUTS, PARTIALS)).isEqualTo(whole);
    }

    @Test
    void textOutsideTheBlocksOrABlockTheLayoutLacksIsRefusedNotDropped() {
        assertThatThrownBy(() -> DefaultLayouts.resolve(
                        "{{<frame}}\n<p>lost</p>\n{{$content}}\n<p>kept</p>\n{{/content}}\n{{/frame}}\n",
                        LAYOUTS,
                        PARTIALS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<p>lost</p>");
        assertThatThrownBy(() ->
                        DefaultLayouts.resolve("{{<frame}}\n{{$footer}}x{{/footer}}\n{{/frame}}\n", LAYOUTS, PARTIALS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("footer");
    }

    /** What comes out of the built-in files is one whole document in its language, tags resolved. */
    @ParameterizedTest
    @EnumSource(TemplateKind.class)
    void everyDefaultHtmlBodyIsAWholeDocumentInItsLanguage(TemplateKind kind) {
        for (Language language : Language.values()) {
            String html = DefaultTemplates.of(kind, language).htmlBody();

            assertThat(html)
                    .as("%s in %s", kind, language)
                    .startsWith("<!DOCTYPE html>\n<html lang=\"" + language.code() + "\">\n<head>\n")
                    .endsWith("</div>\n</body>\n</html>\n")
                    .doesNotContain("{{<", "{{$", "{{>", "{{/layout}}", "{{/content}}");
        }
    }
}
