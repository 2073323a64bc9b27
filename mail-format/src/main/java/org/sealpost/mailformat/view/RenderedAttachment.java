package org.sealpost.mailformat.view;

import java.util.Objects;

/**
 * One MIME part that is not the displayed body: a download, or an inline image of the body.
 *
 * @param partId      the part's IMAP-style section number (RFC 3501 section 6.4.5: "1", "2.1",
 *                    ...), stable for the same raw MIME; pass it to
 *                    {@link MessageRendering#attachmentContent(byte[], String)}
 * @param fileName    the decoded (RFC 2231 / RFC 2047) name made safe to offer as a download name:
 *                    no path, no control or bidirectional-override characters, no characters
 *                    Windows forbids, at most 255 characters; {@code attachment-N} when the part
 *                    names none
 * @param contentType lower-case {@code type/subtype} without parameters, or
 *                    {@code application/octet-stream} when the declared one is not a valid token
 *                    pair (the value ends up in a Content-Type response header)
 * @param size        decoded size in bytes
 * @param inline      the part is meant to be shown within the body ({@code Content-Disposition:
 *                    inline}, or no disposition but a Content-ID)
 * @param contentId   the Content-ID without angle brackets, or {@code null}
 */
public record RenderedAttachment(
        String partId, String fileName, String contentType, long size, boolean inline, String contentId) {

    public RenderedAttachment {
        Objects.requireNonNull(partId, "partId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
