package org.sealpost.portal.compose;

import java.time.Instant;
import org.sealpost.portal.policy.PortalAction;

/** One line of the Drafts folder. {@code to} and {@code subject} are as typed (may be empty). */
public record DraftLine(
        long id, PortalAction action, String to, String subject, Instant savedAt, boolean hasAttachments) {

    public long getId() {
        return id;
    }

    public PortalAction getAction() {
        return action;
    }

    public String getTo() {
        return to;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public boolean isHasAttachments() {
        return hasAttachments;
    }
}
