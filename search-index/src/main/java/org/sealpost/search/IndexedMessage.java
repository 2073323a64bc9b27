package org.sealpost.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the index learns of one mailbox entry. Text fields may be empty; {@code null} is read as
 * empty.
 *
 * @param accountId the account whose mailbox holds the message; searches never cross it
 * @param messageId an opaque id, unique within the account; kept in the index in the clear
 * @param folder the mailbox folder, such as {@code INBOX}, {@code SENT}, {@code TRASH}; matched
 *     by {@code in:} case-insensitively
 * @param from sender name and address, as in {@code Alice Example <alice@example.com>}
 * @param to the To recipients, names and addresses
 * @param cc the Cc recipients, names and addresses
 * @param subject the subject
 * @param bodyText the body as plain text (HTML already reduced to text)
 * @param attachmentNames the attachments' file names
 * @param receivedAt when the message arrived (or was sent, for the SENT folder)
 */
public record IndexedMessage(
        long accountId,
        String messageId,
        String folder,
        String from,
        String to,
        String cc,
        String subject,
        String bodyText,
        List<String> attachmentNames,
        Instant receivedAt) {

    public IndexedMessage {
        messageId = requireNotBlank(messageId, "messageId");
        folder = requireNotBlank(folder, "folder");
        from = Objects.requireNonNullElse(from, "");
        to = Objects.requireNonNullElse(to, "");
        cc = Objects.requireNonNullElse(cc, "");
        subject = Objects.requireNonNullElse(subject, "");
        bodyText = Objects.requireNonNullElse(bodyText, "");
        attachmentNames = attachmentNames == null ? List.of() : List.copyOf(attachmentNames);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    private static String requireNotBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
