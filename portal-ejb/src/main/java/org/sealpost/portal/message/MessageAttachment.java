package org.sealpost.portal.message;

import org.sealpost.mailformat.view.RenderedAttachment;

/**
 * One attachment of an opened message, as its page lists it. Which parts are attachments, and
 * under which names, is decided once for the inbox's paper-clip and this list alike (ADR 0022).
 *
 * @param partId      the part's section number (RFC 3501 §6.4.5), what a download asks for by
 *                    {@link MessageReading#attachment}
 * @param fileName    the decoded name made safe to offer as a download name
 * @param contentType lower-case {@code type/subtype} without parameters
 * @param size        decoded size in bytes
 */
public record MessageAttachment(String partId, String fileName, String contentType, long size) {

    static MessageAttachment of(RenderedAttachment part) {
        return new MessageAttachment(part.partId(), part.fileName(), part.contentType(), part.size());
    }
}
