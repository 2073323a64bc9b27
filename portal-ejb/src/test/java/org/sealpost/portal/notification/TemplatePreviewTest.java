package org.sealpost.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sealpost.portal.notification.template.RenderedNotification;

class TemplatePreviewTest {

    @Test
    void theAdministratorsHtmlIsSanitisedBeforeThePageShowsIt() {
        TemplatePreview preview = TemplatePreview.of(new RenderedNotification(
                "New secure message",
                "Open <the portal>",
                "<p onclick=\"steal()\">Hello</p><script>alert(1)</script><a href=\"javascript:x()\">open</a>"));

        assertThat(preview.safeHtml())
                .contains("Hello")
                .doesNotContain("<script", "alert(1)", "onclick", "javascript:");
    }

    @Test
    void theSubjectAndTextAreShownAsRendered() {
        TemplatePreview preview =
                TemplatePreview.of(new RenderedNotification("New secure message", "Open <the portal>", "<p>Hi</p>"));

        assertThat(preview.subject()).isEqualTo("New secure message");
        assertThat(preview.text()).isEqualTo("Open <the portal>");
        assertThat(preview.safeHtml()).isEqualTo("<p>Hi</p>");
    }
}
