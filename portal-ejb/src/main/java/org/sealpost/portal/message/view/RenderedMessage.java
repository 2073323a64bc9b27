package org.sealpost.portal.message.view;

import java.util.List;
import org.sealpost.portal.message.mime.MimeProblem;

/**
 * A message made ready for the browser. Show {@code safeHtmlBody} when it is not {@code null},
 * else {@code textBody}; when both are present (multipart/alternative) the text is the sender's
 * own plain version, for a "show as plain text" choice.
 *
 * @param textBody            plain text, not escaped: the page must escape it (JSF output does)
 * @param safeHtmlBody        sanitised HTML fragment, safe to emit unescaped inside the page
 * @param attachments         the other parts, in message order
 * @param blockedRemoteImages how many {@code <img>} elements pointing at remote servers were removed
 * @param problems            what was wrong with the MIME and was worked around; they quote no content
 */
public record RenderedMessage(String textBody, String safeHtmlBody, List<RenderedAttachment> attachments,
        int blockedRemoteImages, List<MimeProblem> problems) {

    public RenderedMessage {
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
        if (blockedRemoteImages < 0) {
            throw new IllegalArgumentException("blockedRemoteImages must not be negative: " + blockedRemoteImages);
        }
    }
}
