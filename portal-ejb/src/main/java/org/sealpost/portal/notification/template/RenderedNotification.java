package org.sealpost.portal.notification.template;

import java.util.Objects;

/**
 * A notification ready for the outbound queue.
 *
 * @param subject one line without control characters, safe to put in a Subject header (RFC 5322
 *                section 2.2: a header field body must not contain a bare CR or LF); the sender
 *                still RFC 2047-encodes non-ASCII text
 * @param text    the text/plain body
 * @param html    the text/html body, every value HTML-escaped
 */
public record RenderedNotification(String subject, String text, String html) {

    public RenderedNotification {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
