package org.sealpost.portal.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.sealpost.mailformat.html.RenderOptions;
import org.sealpost.mailformat.metadata.MessageMetadata;
import org.sealpost.mailformat.view.MessageRendering;
import org.sealpost.mailformat.view.ParsedMessage;
import org.sealpost.mailformat.view.RenderedAttachment;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.platform.SealpostDataSource;
import org.sealpost.portal.platform.StorageUnavailableException;

/**
 * Opens a message for its recipient: found by (entry, account) only, decrypted, rendered safe,
 * and marked read. Not found and not yours are one answer.
 */
@Stateless
public class MessageReading {

    @Resource(lookup = SealpostDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private MessageSealer sealer;

    @Inject
    private OpenedMessageCache openedMessages;

    /**
     * @param inlineImageUrl the portal URL a {@code cid:} image of this message becomes
     */
    public OpenedMessage open(
            long entryId, long accountId, boolean showRemoteImages, Function<String, String> inlineImageUrl)
            throws MessageNotFoundException {
        try (Connection c = dataSource.getConnection()) {
            MailboxEntry entry =
                    MailboxEntries.find(c, entryId, accountId).orElseThrow(() -> new MessageNotFoundException(entryId));
            OpenedMessageCache.Opened d = read(c, entry);
            RenderOptions options = RenderOptions.blockingRemoteImages(inlineImageUrl);
            OpenedMessage opened = new OpenedMessage(
                    entry.markRead(true),
                    d.metadata(),
                    d.parsed().render(showRemoteImages ? options.withRemoteImages() : options));
            if (!entry.read()) {
                MailboxEntries.save(c, entry.markRead(true));
            }
            return opened;
        } catch (SQLException e) {
            throw new StorageUnavailableException("the message cannot be read now", e);
        }
    }

    /**
     * A part by its part id or content id, among the attachments and the inline images, from the
     * message as the page read it when it was opened moments ago (else read now).
     */
    public AttachmentDownload attachment(long entryId, long accountId, Predicate<RenderedAttachment> which)
            throws MessageNotFoundException {
        try (Connection c = dataSource.getConnection()) {
            MailboxEntry entry =
                    MailboxEntries.find(c, entryId, accountId).orElseThrow(() -> new MessageNotFoundException(entryId));
            ParsedMessage parsed = read(c, entry).parsed();
            RenderedAttachment part = Stream.concat(parsed.attachments().stream(), parsed.inlineImages().stream())
                    .filter(which)
                    .findFirst()
                    .orElseThrow(() -> new MessageNotFoundException(entryId));
            byte[] content = parsed.content(part.partId()).orElseThrow(() -> new MessageNotFoundException(entryId));
            return new AttachmentDownload(part.fileName(), part.contentType(), content);
        } catch (SQLException e) {
            throw new StorageUnavailableException("the attachment cannot be read now", e);
        }
    }

    private record Decrypted(MessageMetadata metadata, byte[] mime) {}

    /** The entry's message decrypted and parsed once for its reader's page, images and downloads. */
    private OpenedMessageCache.Opened read(Connection c, MailboxEntry entry) throws SQLException {
        Optional<OpenedMessageCache.Opened> held = openedMessages.get(entry.id(), entry.accountId());
        if (held.isPresent()) {
            return held.get();
        }
        Decrypted d = decrypt(c, entry);
        OpenedMessageCache.Opened opened =
                new OpenedMessageCache.Opened(d.metadata(), MessageRendering.parse(d.mime()));
        openedMessages.put(entry.id(), entry.accountId(), opened);
        return opened;
    }

    private Decrypted decrypt(Connection c, MailboxEntry entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT kek_version, wrapped_key, mime_ciphertext, metadata_ciphertext FROM message_content WHERE id = ?""")) {
            ps.setObject(1, entry.contentId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException(
                            "message content " + entry.contentId() + " of entry " + entry.id() + " is gone");
                }
                SealedMessage sealed = new SealedMessage(rs.getInt(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4));
                return new Decrypted(
                        MessageMetadata.decode(sealer.openMetadata(entry.contentId(), sealed)),
                        sealer.openMime(entry.contentId(), sealed));
            } catch (SealBrokenException e) {
                // Not the database's fault, and not passing: a damaged row or a retired key.
                throw new IllegalStateException(
                        "message " + entry.contentId() + " cannot be decrypted: " + e.getMessage(), e);
            }
        }
    }
}
