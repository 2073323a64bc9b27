package org.sealpost.portal.compose;

import java.time.Instant;
import java.util.List;

/**
 * A message being written.
 *
 * @param id          the draft's id, or {@code null} while it was only prepared and never saved
 * @param origin      what it answers
 * @param fields      To, Cc, Subject and the message text (for replies and forwards prefilled
 *                    with the quoted original)
 * @param attachments uploads and forwarded files, in the order added
 * @param savedAt     last save, or {@code null} when never saved
 */
public record Draft(
        Long id, DraftOrigin origin, DraftFields fields, List<DraftAttachment> attachments, Instant savedAt) {

    public Draft {
        attachments = List.copyOf(attachments);
    }

    public boolean saved() {
        return id != null;
    }

    public Long getId() {
        return id;
    }

    public DraftOrigin getOrigin() {
        return origin;
    }

    public DraftFields getFields() {
        return fields;
    }

    public List<DraftAttachment> getAttachments() {
        return attachments;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
