package org.sealpost.portal.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sealpost.portal.message.Folder;
import org.sealpost.portal.message.mime.AttachmentInfo;
import org.sealpost.portal.message.mime.MailAddress;
import org.sealpost.portal.message.mime.MessageMetadata;
import org.sealpost.portal.message.view.MessageRendering;
import org.sealpost.portal.message.view.RenderOptions;
import org.sealpost.portal.message.view.RenderedMessage;
import org.sealpost.search.IndexedMessage;

/**
 * What the index learns of one decrypted mailbox entry. The index's message id is the mailbox
 * entry id (unique per account), so a hit leads straight to {@code message.xhtml?id=} and is
 * looked up by (entry, account) like every other message access.
 *
 * <p>The body is the one the reader is shown: the HTML reduced to text when there is HTML
 * (a reader that can show HTML prefers it, RFC 2046 section 5.1.4), else the plain text, so
 * what a search finds is what the recipient saw.
 */
public final class SearchDocuments {

    private SearchDocuments() {
    }

    public static IndexedMessage of(long accountId, long entryId, Folder folder, Instant receivedAt,
            MessageMetadata metadata, byte[] rawMime) {
        Objects.requireNonNull(metadata, "metadata");
        RenderedMessage rendered = MessageRendering.render(rawMime, RenderOptions.blockingRemoteImages(cid -> ""));
        String body = rendered.safeHtmlBody() != null ? HtmlText.of(rendered.safeHtmlBody()) : rendered.textBody();
        List<String> attachmentNames = metadata.attachments().stream().map(AttachmentInfo::fileName)
                .filter(name -> name != null && !name.isBlank()).toList();
        return new IndexedMessage(accountId, Long.toString(entryId), folder.name(),
                metadata.from() == null ? "" : metadata.from().toString(), addresses(metadata.to()),
                addresses(metadata.cc()), metadata.subject(), body, attachmentNames, receivedAt);
    }

    private static String addresses(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::toString).collect(Collectors.joining(", "));
    }
}
