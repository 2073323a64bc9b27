package org.sealpost.mailformat.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sealpost.mailformat.html.HtmlPolicyFactory;
import org.sealpost.mailformat.html.RenderOptions;

class HostileHtmlTest {

    private static final RenderOptions BLOCKING = RenderOptions.blockingRemoteImages(cid -> "/message/part?cid=" + cid);

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path directory =
                Path.of(HostileHtmlTest.class.getResource("/hostile-html").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void corpusHasAtLeastTwentyFiveCases() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileCaseIsNeutralisedWithRemoteImagesBlocked(Path file) throws IOException {
        String html = HtmlPolicyFactory.sanitize(read(file), BLOCKING, Set.of("known@example"))
                .html();

        assertThat(HtmlChecks.violations(html, false)).as(html).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileCaseIsNeutralisedEvenWithRemoteImagesShown(Path file) throws IOException {
        String html = HtmlPolicyFactory.sanitize(read(file), BLOCKING.withRemoteImages(), Set.of())
                .html();

        assertThat(HtmlChecks.violations(html, true)).as(html).isEmpty();
    }

    @Test
    void checksRecogniseWhatTheyLookFor() {
        // Guards the guard: each of these must be caught, or the corpus tests prove nothing.
        List<String> unsafe = List.of(
                "<script>alert(1)</script>",
                "<img src=\"x\" onerror=\"alert(1)\">",
                "<a href=\"&#106;avascript:alert(1)\">x</a>",
                "<a href=\"java&#x09;script:alert(1)\">x</a>",
                "<a href=\"VBScript:x\">x</a>",
                "<a href=\"data:text/html,x\">x</a>",
                "<iframe src=\"x\"></iframe>",
                "<svg></svg>",
                "<img src=\"https://tracker.example/p.gif\">",
                "<img src=\"//tracker.example/p.gif\">",
                "<img srcset=\"https://tracker.example/p.gif 1x\">",
                "<p style=\"background:url(https://tracker.example/p.gif)\">x</p>",
                "<td background=\"https://tracker.example/p.gif\">x</td>");
        for (String html : unsafe) {
            assertThat(HtmlChecks.violations(html, false)).as(html).isNotEmpty();
        }
        assertThat(HtmlChecks.violations("<p>&lt;script&gt; javascript: is only text</p>", false))
                .isEmpty();
    }

    @Test
    void benignParagraphWithBoldTextAndLinkSurvivesWithTheLinkMadeSafe() {
        String html = HtmlPolicyFactory.sanitize(
                        "<p style=\"color: red\">Hello <b>world</b>, see <a href=\"https://example.org/a?b=1&amp;c=2\""
                                + " rel=\"opener\" target=\"_self\">our site</a>.</p>",
                        BLOCKING,
                        Set.of())
                .html();

        assertThat(html)
                .startsWith("<p style=\"color:red\">Hello <b>world</b>, see <a ")
                .endsWith(">our site</a>.</p>")
                .contains("target=\"_blank\"", "rel=\"nofollow noopener noreferrer\"")
                .doesNotContain("_self", "\"opener\"");
        assertThat(HtmlChecks.decodeEntities(html)).contains("href=\"https://example.org/a?b=1&c=2\"");
    }

    @Test
    void remoteImagesAreRemovedAndCountedByDefault() throws Exception {
        Path file = corpus().filter(p -> p.getFileName().toString().startsWith("20-"))
                .findFirst()
                .orElseThrow();

        HtmlPolicyFactory.SanitizedHtml blocked = HtmlPolicyFactory.sanitize(read(file), BLOCKING, Set.of());
        HtmlPolicyFactory.SanitizedHtml shown =
                HtmlPolicyFactory.sanitize(read(file), BLOCKING.withRemoteImages(), Set.of());

        assertThat(blocked.blockedRemoteImages()).isEqualTo(4);
        assertThat(blocked.html()).doesNotContain("<img");
        assertThat(shown.blockedRemoteImages()).isZero();
        assertThat(shown.html())
                .contains("src=\"https://tracker.example/p.gif\"", "src=\"http://tracker.example/q.gif\"");
    }

    @Test
    void blockedImageLeavesItsAltText() {
        HtmlPolicyFactory.SanitizedHtml result = HtmlPolicyFactory.sanitize(
                "<p><img src=\"https://cdn.example/logo.png\" alt=\"Example Corp\"></p>", BLOCKING, Set.of());

        assertThat(result.html()).isEqualTo("<p>[Example Corp]</p>");
        assertThat(result.blockedRemoteImages()).isOne();
    }

    @Test
    void cidImageIsRewrittenOnlyWhenThePartExists() {
        HtmlPolicyFactory.SanitizedHtml result = HtmlPolicyFactory.sanitize(
                "<img src=\"cid:logo%40example\" alt=\"logo\"><img src=\"CID:missing@example\" alt=\"gone\">",
                BLOCKING, Set.of("logo@example"));

        assertThat(result.html())
                .isEqualTo("<img src=\"/message/part?cid&#61;logo&#64;example\" alt=\"logo\" />[gone]");
        assertThat(result.blockedRemoteImages()).isZero();
    }

    @Test
    void linksWithoutAnAbsoluteWebOrMailUrlLoseTheirLinkButKeepTheirText() {
        String html = HtmlPolicyFactory.sanitize(
                        "<a href=\"/account/delete\">rel</a> <a href=\"mailto:a@example.org\">mail</a> <a>plain</a>",
                        BLOCKING,
                        Set.of())
                .html();

        assertThat(html).startsWith("rel <a href=\"mailto:a&#64;example.org\"").endsWith(">mail</a> plain");
    }

    @Test
    void markupOutsideTheAllowListKeepsItsTextButNotItsDocumentStructure() {
        String html = HtmlPolicyFactory.sanitize(
                        "<html><head><title>Subject line</title></head><body><h1>Hi</h1><custom>text</custom></body></html>",
                        BLOCKING,
                        Set.of())
                .html();

        assertThat(html).isEqualTo("<h1>Hi</h1>text");
    }
}
