package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.language.Language;

/**
 * What the template editor refuses when an administrator saves, each with the line it is on:
 * an unknown placeholder, a link placeholder outside an href, broken markup; and the mails that
 * used to be concatenated by hand now parse and render like every other.
 */
class TemplateRefusalLinesTest {

    private static final String TEXT = "Sign in at {{portalLink}}";
    private static final String LINK = "<a href=\"{{portalLink}}\">{{portalLink}}</a>";

    private static TemplateException refusal(TemplateKind kind, String text, String html) {
        return catchThrowableOfType(TemplateException.class, () -> NotificationTemplate.parse(kind, "Hi", text, html));
    }

    private static TemplateException htmlRefusal(String html) {
        return refusal(TemplateKind.NEW_MESSAGE, TEXT, html);
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithItsLine() {
        TemplateException e = htmlRefusal("<div>\n<p>" + LINK + "</p>\n<p>Dear {{customerName}}</p>\n</div>");

        assertThat(e.part()).isEqualTo(TemplatePart.HTML_BODY);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("line 3").contains("unknown placeholder {{customerName}}");
    }

    @Test
    void aLinkPlaceholderInAnAttributeOtherThanHrefIsRefusedWithItsLine() {
        TemplateException e = htmlRefusal("<p>" + LINK + "</p>\n<img alt=\"\" src=\"{{portalLink}}\">");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("only in an href attribute");
    }

    @Test
    void aOneTimeLinkAsTextOutsideALinkIsRefusedWithItsLine() {
        TemplateException e = refusal(
                TemplateKind.PASSWORD_RESET,
                "{{resetLink}}",
                "<p><a href=\"{{resetLink}}\">{{resetLink}}</a></p>\n<p>Or copy {{resetLink}}</p>");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("only inside <a href=");
    }

    @Test
    void theAccentColourMayStandInAStyleAttributeWhereNoOtherValueMay() {
        assertThat(htmlRefusal("<div style=\"border-top:4px solid {{accentColour}}\">" + LINK + "</div>"))
                .isNull();
        assertThat(htmlRefusal("<div style=\"color:{{organisationName}}\">" + LINK + "</div>")
                        .getMessage())
                .contains("only {{accentColour}} may stand in a style attribute");
    }

    @Test
    void anElementClosedInTheWrongOrderIsRefusedWithBothLines() {
        TemplateException e = htmlRefusal("<div>\n<p>" + LINK + "\n</div>\n</p>");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("line 3").contains("</div> closes <p> from line 2");
    }

    @Test
    void anElementNeverClosedIsRefusedWithTheLineItOpensOn() {
        TemplateException e = htmlRefusal("<p>" + LINK + "</p>\n<div>\n<p>bye</p>");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("<div> is never closed");
    }

    @Test
    void aTagWithoutItsClosingBracketIsRefusedWithItsLine() {
        TemplateException e = htmlRefusal("<p>" + LINK + "</p>\n\n<p class=\"x\"\n<b>bold</b>");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("is not closed by \">\"");
    }

    @Test
    void anUnclosedCommentAndAnUnclosedQuoteAreRefused() {
        assertThat(htmlRefusal("<p>" + LINK + "</p>\n<!-- note").getMessage())
                .contains("line 2")
                .contains("comment");
        assertThat(htmlRefusal("<p>" + LINK + "</p>\n<p title=\"x>y</p>").getMessage())
                .contains("line 2")
                .contains("never closed");
    }

    @Test
    void anEndTagWithNothingOpenIsRefused() {
        assertThat(htmlRefusal("<p>" + LINK + "</p></span>").getMessage())
                .contains("</span> closes an element that is not open");
    }

    @Test
    void voidElementsSelfClosingTagsAndRawTextNeedNoEndTag() {
        assertThat(htmlRefusal("<meta charset=\"utf-8\"><br><hr/><img alt=\"\" src=\"cid:x\">"
                        + "<style>a>b{color:red}</style><p>" + LINK + "<br/></p>"))
                .isNull();
    }

    @Test
    void aResetLinkIsNotAvailableInAnAccountNotice() {
        TemplateException e = refusal(TemplateKind.PASSWORD_CHANGED, "Changed {{resetLink}}", "<p>changed</p>");

        assertThat(e.getMessage()).contains("{{resetLink}} is not available in a PASSWORD_CHANGED template");
    }

    @ParameterizedTest
    @EnumSource(
            value = TemplateKind.class,
            names = {"PASSWORD_RESET", "ADMINISTRATOR_INVITATION"})
    void theMailsThatWereWrittenByHandNowRenderThroughTheEngineWithEscapedValues(TemplateKind kind) {
        URI portal = URI.create("https://secure.bank.example/");
        NotificationValues values = SampleValues.of(
                portal, EmailAddress.of("anna@example.org"), Language.ENGLISH, "Bank <Example> & Co", "#0f766e", false);

        RenderedNotification mail = DefaultTemplates.of(kind, Language.ENGLISH).render(values);

        String link = kind == TemplateKind.PASSWORD_RESET
                ? values.resetLink().toASCIIString()
                : values.registrationLink().toASCIIString();
        assertThat(mail.text()).contains(link).contains("Bank <Example> & Co");
        assertThat(mail.html())
                .contains("<a href=\"" + link + "\"")
                .contains("Bank &lt;Example&gt; &amp; Co")
                .contains("border-top:4px solid #0f766e");
        assertThat(mail.subject()).contains("Bank <Example> & Co").doesNotContain(link);
    }

    @Test
    void anAccentColourThatIsNotSevenCharactersOfHexIsNeverRendered() {
        assertThat(catchThrowableOfType(
                        IllegalArgumentException.class,
                        () -> NotificationValues.builder()
                                .senderAddress(EmailAddress.of("a@example.org"))
                                .recipientAddress(EmailAddress.of("b@example.org"))
                                .portalLink(URI.create("https://p.example/"))
                                .organisationName("O")
                                .accentColour("red;background:url(https://evil.example/)")
                                .build()))
                .isNotNull();
    }
}
