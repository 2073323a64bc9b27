package org.sealpost.mailformat.metadata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sealpost.mailformat.storage.StoredStrings;

/**
 * What the portal shows about a message without opening its MIME: the record that is encrypted
 * next to the raw message and decrypted for inbox lists.
 *
 * <p>{@link #encode()} writes a compact, versioned binary form (no JSON library at run time in
 * this module); {@link #decode(byte[])} reads every version ever written. Strings are stored as
 * UTF-8, so an unpaired UTF-16 surrogate (which no decoded header produces) would come back as
 * {@code '?'}.
 *
 * @param from            the first mailbox of the From header, or {@code null} when absent or unreadable
 * @param replyTo         the Reply-To mailboxes (where a reply goes, RFC 5322 section 3.6.3); often empty
 * @param to              the To mailboxes
 * @param cc              the Cc mailboxes
 * @param subject         the decoded subject, or {@code null} when the message has none
 * @param date            the Date header with the sender's offset, or {@code null} when absent or unreadable
 * @param messageIdHeader the Message-ID header as written (usually {@code <...>}), or {@code null}
 * @param attachments     the attachments, in message order: the parts, and the names, the message
 *                        page lists (one decision, {@link org.sealpost.mailformat.structure.MessageStructure});
 *                        the inbox's paper-clip is "not empty"
 * @param totalSize       size of the raw message in bytes
 * @param hasTextBody     whether the body the page shows has a text/plain version
 * @param hasHtmlBody     whether the body the page shows has a text/html version
 */
public record MessageMetadata(
        MailAddress from,
        List<MailAddress> replyTo,
        List<MailAddress> to,
        List<MailAddress> cc,
        String subject,
        OffsetDateTime date,
        String messageIdHeader,
        List<AttachmentInfo> attachments,
        long totalSize,
        boolean hasTextBody,
        boolean hasHtmlBody) {

    /** The layout {@link #encode()} writes. Bump it, and keep reading the old ones, on any change. */
    static final byte FORMAT_V1 = 1;

    private static final int FLAG_TEXT = 1;
    private static final int FLAG_HTML = 2;

    public MessageMetadata {
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        if (totalSize < 0) {
            throw new IllegalArgumentException("totalSize must not be negative: " + totalSize);
        }
    }

    /** The versioned binary form; see {@link #decode(byte[])}. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            out.writeByte((hasTextBody ? FLAG_TEXT : 0) | (hasHtmlBody ? FLAG_HTML : 0));
            out.writeBoolean(from != null);
            if (from != null) {
                writeAddress(out, from);
            }
            writeAddresses(out, replyTo);
            writeAddresses(out, to);
            writeAddresses(out, cc);
            writeString(out, subject);
            out.writeBoolean(date != null);
            if (date != null) {
                Instant instant = date.toInstant();
                out.writeLong(instant.getEpochSecond());
                out.writeInt(instant.getNano());
                out.writeInt(date.getOffset().getTotalSeconds());
            }
            writeString(out, messageIdHeader);
            out.writeInt(attachments.size());
            for (AttachmentInfo attachment : attachments) {
                writeString(out, attachment.fileName());
                writeString(out, attachment.contentType());
                out.writeLong(attachment.size());
            }
            out.writeLong(totalSize);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not a metadata record of a known version
     */
    public static MessageMetadata decode(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.length == 0) {
            throw new IllegalArgumentException("metadata record is empty");
        }
        if (encoded[0] != FORMAT_V1) {
            throw new IllegalArgumentException("metadata record has unknown format version " + (encoded[0] & 0xff)
                    + " (this build reads version " + FORMAT_V1 + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded, 1, encoded.length - 1))) {
            int flags = in.readUnsignedByte();
            if ((flags & ~(FLAG_TEXT | FLAG_HTML)) != 0) {
                throw new IllegalArgumentException("metadata record has unknown flags " + flags);
            }
            MailAddress from = in.readBoolean() ? readAddress(in) : null;
            List<MailAddress> replyTo = readAddresses(in);
            List<MailAddress> to = readAddresses(in);
            List<MailAddress> cc = readAddresses(in);
            String subject = readString(in);
            OffsetDateTime date = null;
            if (in.readBoolean()) {
                long seconds = in.readLong();
                int nanos = in.readInt();
                int offset = in.readInt();
                try {
                    date = Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.ofTotalSeconds(offset));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("metadata record has an invalid date: " + e.getMessage(), e);
                }
            }
            String messageIdHeader = readString(in);
            int attachmentCount = readCount(in, 4 + 4 + 8);
            List<AttachmentInfo> attachments = new ArrayList<>(attachmentCount);
            for (int i = 0; i < attachmentCount; i++) {
                String name = readString(in);
                String type = readString(in);
                if (type == null) {
                    throw new IllegalArgumentException("metadata record has an attachment without content type");
                }
                attachments.add(new AttachmentInfo(name, type, in.readLong()));
            }
            long totalSize = in.readLong();
            if (in.available() != 0) {
                throw new IllegalArgumentException("metadata record has " + in.available() + " trailing bytes");
            }
            return new MessageMetadata(
                    from,
                    replyTo,
                    to,
                    cc,
                    subject,
                    date,
                    messageIdHeader,
                    attachments,
                    totalSize,
                    (flags & FLAG_TEXT) != 0,
                    (flags & FLAG_HTML) != 0);
        } catch (EOFException e) {
            throw new IllegalArgumentException("metadata record is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: reading from memory", e);
        }
    }

    private static void writeAddresses(DataOutputStream out, List<MailAddress> addresses) throws IOException {
        out.writeInt(addresses.size());
        for (MailAddress address : addresses) {
            writeAddress(out, address);
        }
    }

    private static void writeAddress(DataOutputStream out, MailAddress address) throws IOException {
        writeString(out, address.displayName());
        writeString(out, address.address());
    }

    private static List<MailAddress> readAddresses(DataInputStream in) throws IOException {
        int count = readCount(in, 8);
        List<MailAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(readAddress(in));
        }
        return addresses;
    }

    private static MailAddress readAddress(DataInputStream in) throws IOException {
        String displayName = readString(in);
        String address = readString(in);
        if (address == null) {
            throw new IllegalArgumentException("metadata record has an address entry without address");
        }
        return new MailAddress(displayName, address);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        StoredStrings.write(out, value);
    }

    private static String readString(DataInputStream in) throws IOException {
        return StoredStrings.read(in, "metadata record");
    }

    /** A count that the remaining bytes can actually hold, so a corrupt count cannot allocate gigabytes. */
    private static int readCount(DataInputStream in, int minimumBytesPerElement) throws IOException {
        int count = in.readInt();
        if (count < 0 || (long) count * minimumBytesPerElement > in.available()) {
            throw new IllegalArgumentException("metadata record has an impossible element count " + count);
        }
        return count;
    }
}
