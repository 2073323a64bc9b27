package org.sealpost.portal.compose;

import java.util.Objects;
import org.sealpost.portal.policy.PortalAction;

/**
 * What a draft answers: a new message ({@link PortalAction#COMPOSE}, no original), or a reply,
 * reply all or forward of the caller's mailbox entry {@code originalEntryId}. Fixed when the
 * draft is first saved; the server never takes it from a later request. A saved reply or
 * forward whose original was since deleted for ever has a null {@code originalEntryId} (its
 * quoted text and threading are kept in the draft); starting one needs an original.
 */
public record DraftOrigin(PortalAction action, Long originalEntryId) {

    public DraftOrigin {
        Objects.requireNonNull(action, "action");
        if (!action.writes()) {
            throw new IllegalArgumentException(action + " does not start a message");
        }
        if (action == PortalAction.COMPOSE && originalEntryId != null) {
            throw new IllegalArgumentException("a new message answers no original");
        }
    }

    public static DraftOrigin newMessage() {
        return new DraftOrigin(PortalAction.COMPOSE, null);
    }

    public static DraftOrigin of(PortalAction action, long originalEntryId) {
        return new DraftOrigin(action, originalEntryId);
    }
}
