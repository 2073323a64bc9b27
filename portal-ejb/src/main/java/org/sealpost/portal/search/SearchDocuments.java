package org.sealpost.portal.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.metadata.AttachmentInfo;
import org.sealpost.mailformat.metadata.MailAddress;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.view.MessageRendering;
import org.sealpost.mailformat.view.RenderedMessage;
import org.sealpost.portal.message.Folder;
import org.sealpost.search.IndexedMessage;

/**
 * What the index learns of one decrypted mailbox entry. The index's message id is the mailbox
 * entry id (unique per account), so a hit leads straight to {@code message.xhtml?id=} and is
 * looked up by (entry, account) like every other message access.
 *
 * <p>The body is the one the reader is shown: the HTML reduced to text when there is HTML
 * (a reader that can show HTML prefers it, RFC 2046 section 5.1.4), else the plain text, so
 * what a search finds is what the recipient saw (and, like the page, at most
 * {@link MessageRendering#MAX_BODY_BYTES} of it).
 *
 * <p>A message to several recipients is one content and several entries: its text is read once
 * ({@link #content}) and becomes one document per entry ({@link #of(long, long, Folder, Instant, Content)}).
 */
public final class SearchDocuments {

    private SearchDocuments() {}

    /** What every entry of one message shares: read once per message, not once per recipient. */
    public record Content(MessageMetadata metadata, String body, List<String> attachmentNames) {

        public Content {
            Objects.requireNonNull(metadata, "metadata");
            attachmentNames = List.copyOf(attachmentNames);
        }

        /** The header record only, for a message whose body could not be read. */
        public static Content withoutBody(MessageMetadata metadata) {
            return new Content(metadata, "", names(metadata));
        }
    }

    public static Content content(MessageMetadata metadata, byte[] rawMime) {
        Objects.requireNonNull(metadata, "metadata");
        RenderedMessage rendered = MessageRendering.render(rawMime, RenderOptions.blockingRemoteImages(cid -> ""));
        String body = rendered.safeHtmlBody() != null ? HtmlText.of(rendered.safeHtmlBody()) : rendered.textBody();
        return new Content(metadata, body, names(metadata));
    }

    public static IndexedMessage of(long accountId, long entryId, Folder folder, Instant receivedAt, Content content) {
        MessageMetadata metadata = content.metadata();
        return new IndexedMessage(
                accountId,
                Long.toString(entryId),
                folder.name(),
                metadata.from() == null ? "" : metadata.from().toString(),
                addresses(metadata.to()),
                addresses(metadata.cc()),
                metadata.subject(),
                content.body(),
                content.attachmentNames(),
                receivedAt);
    }

    public static IndexedMessage of(
            long accountId, long entryId, Folder folder, Instant receivedAt, MessageMetadata metadata, byte[] rawMime) {
        return of(accountId, entryId, folder, receivedAt, content(metadata, rawMime));
    }

    private static List<String> names(MessageMetadata metadata) {
        return metadata.attachments().stream()
                .map(AttachmentInfo::fileName)
                .filter(name -> name != null && !name.isBlank())
                .toList();
    }

    private static String addresses(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::toString).collect(Collectors.joining(", "));
    }
}
