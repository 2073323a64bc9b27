package org.sealpost.portal.notification;

import org.sealpost.mailformat.html.HtmlPolicyFactory;
import org.sealpost.portal.notification.template.RenderedNotification;

/**
 * The template editor's preview as the page shows it: the subject and text as rendered, and the
 * HTML sanitised by the same OWASP policy as an incoming message's HTML. The engine escapes every
 * value, but the template around them is an administrator's own markup, and the page shows it
 * inside the portal (in a frame with an empty sandbox): a {@code <script>}, an event handler or
 * a remote image in it must not reach the browser, the allow-list decides once for both (OWASP
 * XSS Prevention Cheat Sheet, rule 6).
 *
 * @param safeHtml the HTML body, safe to emit in the preview frame's {@code srcdoc}
 */
public record TemplatePreview(String subject, String text, String safeHtml) {

    /** The page's preview of {@code mail}, the engine's rendering with sample values. */
    public static TemplatePreview of(RenderedNotification mail) {
        return new TemplatePreview(mail.subject(), mail.text(), HtmlPolicyFactory.POLICY.sanitize(mail.html()));
    }
}
