package org.sealpost.portal.message;

import java.util.List;
import org.sealpost.mailformat.view.RenderedMessage;

/**
 * An opened message's body made ready for the browser: show {@code safeHtmlBody} when it is not
 * {@code null}, else {@code textBody}.
 *
 * @param textBody            plain text, not escaped: the page escapes it (JSF output does)
 * @param safeHtmlBody        HTML sanitised by the OWASP policy, for a script-less sandboxed frame
 * @param attachments         the attachments, in message order
 * @param blockedRemoteImages how many remote images were removed because the reader has not asked for them
 * @param notShown            why part of the message is not on the page, once per reason, each a code
 *                            the bundle words ({@code message.notShown.<code>}); empty when all is shown
 */
public record MessageView(
        String textBody,
        String safeHtmlBody,
        List<MessageAttachment> attachments,
        int blockedRemoteImages,
        List<String> notShown) {

    public MessageView {
        attachments = List.copyOf(attachments);
        notShown = List.copyOf(notShown);
    }

    static MessageView of(RenderedMessage rendered) {
        return new MessageView(
                rendered.textBody(),
                rendered.safeHtmlBody(),
                rendered.attachments().stream().map(MessageAttachment::of).toList(),
                rendered.blockedRemoteImages(),
                rendered.notShown().stream().map(Enum::name).toList());
    }
}
