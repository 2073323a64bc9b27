package org.sealpost.portal.message;

import java.time.Instant;
import java.util.List;

/**
 * A message as its recipient opens it: the entry, the header fields the page shows, and the
 * safe body with its attachments, all in portal-ejb's own types so the pages need nothing of
 * mail-format.
 *
 * @param subject  the decoded subject, or {@code null} when the message has none
 * @param date     the moment of the Date header, or {@code null} when absent or unreadable
 * @param from     the first mailbox of the From header, or {@code null} when absent or unreadable
 * @param rendered the body and attachments as the page shows them
 */
public record OpenedMessage(
        MailboxEntry entry,
        String subject,
        Instant date,
        Correspondent from,
        List<Correspondent> to,
        List<Correspondent> cc,
        MessageView rendered) {

    public OpenedMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }
}
