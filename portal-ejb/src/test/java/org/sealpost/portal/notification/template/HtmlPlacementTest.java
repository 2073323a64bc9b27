package org.sealpost.portal.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where in the HTML body a placeholder may stand, so that escaping is enough. */
class HtmlPlacementTest {

    private static final String LINK = "<a href=\"{{portalLink}}\">{{portalLink}}</a>";

    private static void parse(String html) throws TemplateException {
        NotificationTemplate.parse(TemplateKind.NEW_MESSAGE, "Hi", "{{portalLink}}", html + LINK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>{{senderName}}</p>",
                "<p title=\"From {{senderName}}\">x</p>",
                "<p title='{{senderName}}'>x</p>",
                "<a href=\"mailto:{{senderAddress}}\">{{senderAddress}}</a>",
                "<a href='{{portalLink}}'>sign in</a>",
                "<!DOCTYPE html><title>{{organisationName}}</title>",
                "<!-- a comment --><p>{{senderName}}</p>",
                "<style>p{color:red}</style><p>{{senderName}}</p>",
                "<img alt=\"\" src=\"cid:logo\"><p>{{senderName}}</p>",
                "<p>a < b and {{senderName}}</p>",
            })
    void textAndQuotedAttributeValuesAccept(String html) {
        assertThat(catchThrowableOfType(TemplateException.class, () -> parse(html)))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p title={{senderName}}>x</p>",
                "<p {{senderName}}>x</p>",
                "<{{senderName}}>",
                "<!-- {{senderName}} -->",
                "<script>var n = \"{{senderName}}\";</script>",
                "<STYLE>p::after{content:\"{{senderName}}\"}</STYLE>",
                "<p onclick=\"alert('{{senderName}}')\">x</p>",
                "<p style=\"background:url({{portalLink}})\">x</p>",
                "<a href=\"{{senderName}}\">x</a>",
                "<img src='{{originalSubject}}'>",
            })
    void everyOtherPlaceIsRefused(String html) {
        TemplateException e = catchThrowableOfType(TemplateException.class, () -> parse(html));

        assertThat(e).as(html).isNotNull();
        assertThat(e.part()).isEqualTo(TemplatePart.HTML_BODY);
        assertThat(e.getMessage()).contains("cannot stand here");
    }
}
