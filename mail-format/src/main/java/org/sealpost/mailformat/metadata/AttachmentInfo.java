package org.sealpost.mailformat.metadata;

import java.util.Objects;

/**
 * One attachment as the message describes it.
 *
 * @param fileName    the decoded file name (RFC 2231 or RFC 2047 encoded in the message), or
 *                    {@code null} when the part names none. Exactly as the sender wrote it: it may
 *                    contain path separators, so whoever offers it as a download name must sanitise it
 * @param contentType lower-case {@code type/subtype} without parameters
 * @param size        decoded size in bytes (after base64 or quoted-printable)
 */
public record AttachmentInfo(String fileName, String contentType, long size) {

    public AttachmentInfo {
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
