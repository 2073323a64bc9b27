package org.sealpost.mailformat.structure;

import java.util.Objects;

/**
 * A part the message offers besides its body: an attachment, or an inline image the body shows.
 *
 * @param part        the part itself, to serve its content
 * @param fileName    the one name the inbox, the search index, the page and the download use:
 *                    the sender's name made safe ({@link FileNames#sanitize}), else one made for it
 *                    ({@code winmail.dat}, the attached message's Subject, {@code attachment-N.ext})
 * @param contentType lower-case {@code type/subtype}, or {@code application/octet-stream} when the
 *                    declared one is not a valid token pair (it ends up in a response header)
 * @param size        decoded size in bytes
 */
public record OfferedPart(MessagePart part, String fileName, String contentType, long size) {

    public OfferedPart {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    /**
     * The sender meant the part to be shown within the body ({@code Content-Disposition: inline},
     * or no disposition but a Content-ID). Whether it is an attachment does not depend on this
     * alone: see {@link MessageStructure}.
     */
    public boolean inline() {
        String disposition = part.dispositionType();
        return disposition != null ? disposition.equals("inline") : part.contentId() != null;
    }
}
