package org.sealpost.portal.compose;

import org.sealpost.portal.policy.SendDecision;

/** What became of a send: gone (and the draft with it), or refused with every reason (the draft kept). */
public sealed interface SendOutcome {

    /**
     * Sent: in the sender's Sent folder as {@code sentEntryId}, queued for the internal
     * recipients, in the portal for the external ones.
     */
    record Sent(long sentEntryId, int internalRecipients, int externalRecipients) implements SendOutcome {}

    /** Refused; the draft {@code draftId} holds what was typed (created by the send if there was none). */
    record Refused(SendDecision decision, long draftId) implements SendOutcome {}
}
