package org.sealpost.portal.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.view.MessageRendering;
import org.sealpost.mailformat.view.ParsedMessage;
import org.sealpost.mailformat.view.RenderedAttachment;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * Opens a message for its recipient: found by (entry, account) only, decrypted, rendered safe,
 * and marked read. Not found and not yours are one answer.
 */
@ApplicationScoped
@Transactional
public class MessageReading {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private MessageSealer sealer;

    @Inject
    private OpenedMessageCache openedMessages;

    /** For the container, which injects the fields. */
    public MessageReading() {}

    /** Outside the container (tests), in a transaction the caller runs on {@code em}. */
    public MessageReading(EntityManager em, MessageSealer sealer, OpenedMessageCache openedMessages) {
        this.em = em;
        this.sealer = sealer;
        this.openedMessages = openedMessages;
    }

    /**
     * Marks the entry read (written when the transaction commits).
     *
     * @param inlineImageUrl the portal URL a {@code cid:} image of this message becomes
     */
    public OpenedMessage open(
            long entryId, long accountId, boolean showRemoteImages, Function<String, String> inlineImageUrl)
            throws MessageNotFoundException {
        try {
            MailboxEntry entry = StoredMessages.entry(em, entryId, accountId)
                    .orElseThrow(() -> new MessageNotFoundException(entryId));
            OpenedMessageCache.Opened d = read(entry);
            RenderOptions options = RenderOptions.blockingRemoteImages(inlineImageUrl);
            entry.markRead(true);
            MessageMetadata metadata = d.metadata();
            return new OpenedMessage(
                    entry,
                    metadata.subject(),
                    metadata.date() == null ? null : metadata.date().toInstant(),
                    Correspondent.of(metadata.from()),
                    Correspondent.of(metadata.to()),
                    Correspondent.of(metadata.cc()),
                    MessageView.of(d.parsed().render(showRemoteImages ? options.withRemoteImages() : options)));
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the message cannot be read now", e);
        }
    }

    /**
     * An attachment or inline image by its part id ({@link MessageAttachment#partId()}), from the
     * message as the page read it when it was opened moments ago (else read now).
     */
    public AttachmentDownload attachment(long entryId, long accountId, String partId) throws MessageNotFoundException {
        return part(entryId, accountId, a -> a.partId().equals(partId));
    }

    /**
     * An attachment or inline image by its Content-ID without angle brackets, as a {@code cid:}
     * URL of the body names it (RFC 2392), from the message as the page read it.
     */
    public AttachmentDownload inlineImage(long entryId, long accountId, String contentId)
            throws MessageNotFoundException {
        return part(entryId, accountId, a -> contentId.equals(a.contentId()));
    }

    private AttachmentDownload part(long entryId, long accountId, Predicate<RenderedAttachment> which)
            throws MessageNotFoundException {
        try {
            MailboxEntry entry = StoredMessages.entry(em, entryId, accountId)
                    .orElseThrow(() -> new MessageNotFoundException(entryId));
            ParsedMessage parsed = read(entry).parsed();
            RenderedAttachment part = Stream.concat(parsed.attachments().stream(), parsed.inlineImages().stream())
                    .filter(which)
                    .findFirst()
                    .orElseThrow(() -> new MessageNotFoundException(entryId));
            byte[] content = parsed.content(part.partId()).orElseThrow(() -> new MessageNotFoundException(entryId));
            return new AttachmentDownload(part.fileName(), part.contentType(), content);
        } catch (PersistenceException e) {
            throw new StorageUnavailableException("the attachment cannot be read now", e);
        }
    }

    /** The entry's message decrypted and parsed once for its reader's page, images and downloads. */
    private OpenedMessageCache.Opened read(MailboxEntry entry) {
        Optional<OpenedMessageCache.Opened> held = openedMessages.get(entry.id(), entry.accountId());
        if (held.isPresent()) {
            return held.get();
        }
        StoredMessages.Opened d;
        try {
            // The content cannot be gone while its entry exists (foreign key; the entry was read
            // in this transaction and shredding locks the content row first).
            d = StoredMessages.open(em.unwrap(Connection.class), sealer, entry.contentId())
                    .orElseThrow(() -> new IllegalStateException(
                            "message content " + entry.contentId() + " of entry " + entry.id() + " is gone"));
        } catch (SealBrokenException e) {
            // Not the database's fault, and not passing: a damaged row or a retired key.
            throw new IllegalStateException(
                    "message " + entry.contentId() + " cannot be decrypted: " + e.getMessage(), e);
        }
        OpenedMessageCache.Opened opened =
                new OpenedMessageCache.Opened(d.metadata(), MessageRendering.parse(d.mime()));
        openedMessages.put(entry.id(), entry.accountId(), opened);
        return opened;
    }
}
