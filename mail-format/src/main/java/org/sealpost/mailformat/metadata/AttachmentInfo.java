package org.sealpost.mailformat.metadata;

import java.util.Objects;

/**
 * One attachment as the message describes it.
 *
 * @param fileName    the name the message page offers the part under, decided once by
 *                    {@link org.sealpost.mailformat.structure.MessageStructure}: the decoded (RFC 2231,
 *                    RFC 2047) name made safe, or one made for a part that names none. Records
 *                    stored before mail-format hold the sender's name as written, or {@code null}
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
