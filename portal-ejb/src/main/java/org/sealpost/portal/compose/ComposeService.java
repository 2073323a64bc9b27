package org.sealpost.portal.compose;

import jakarta.ejb.Stateless;
import java.io.InputStream;
import java.util.List;
import org.sealpost.portal.policy.EffectivePolicy;
import org.sealpost.portal.policy.PortalAction;
import org.sealpost.portal.policy.SendDecision;

/**
 * The portal's writing desk, as the web calls it. Every method takes the signed-in account's id
 * and finds messages, drafts and attachments only within that account.
 */
@Stateless
public class ComposeService {

    /** The policy as it is now: which buttons to show and which limits to name. */
    public EffectivePolicy policy(long accountId) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * A new message or an answer to the account's entry {@code origin.originalEntryId()},
     * prefilled and not yet saved ({@link Draft#id()} is null): reply to the original's Reply-To
     * or From; reply all adds its To and Cc except the account itself; "Re: "/"Fwd: " once; the
     * original quoted in the body; a forward lists the original's attachments.
     *
     * @throws NotFoundException       the original is not the account's
     * @throws ActionDisabledException the policy turns the action off
     */
    public Draft prepare(long accountId, DraftOrigin origin) throws NotFoundException, ActionDisabledException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Saves what was typed: creates the draft when {@code draftId} is null (then {@code origin}
     * says what it answers), else overwrites the fields of the account's draft {@code draftId}
     * ({@code origin} ignored). Sealed at rest like a message.
     */
    public Draft saveDraft(long accountId, Long draftId, DraftOrigin origin, DraftFields fields)
            throws NotFoundException, ActionDisabledException {
        throw new UnsupportedOperationException("not yet");
    }

    public Draft loadDraft(long accountId, long draftId) throws NotFoundException {
        throw new UnsupportedOperationException("not yet");
    }

    /** The Drafts folder, most recently saved first. */
    public List<DraftLine> drafts(long accountId, int first, int max) {
        throw new UnsupportedOperationException("not yet");
    }

    public long draftCount(long accountId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Deletes the draft and its files for good (their keys with them); audited. */
    public void discardDraft(long accountId, long draftId, String clientAddress) throws NotFoundException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Streams one file into sealed storage with the draft. The count and total size limits are
     * checked while reading; over a limit, or on a broken stream, nothing is kept.
     *
     * @param fileName as the browser gave it; cleaned of path parts and control characters
     */
    public UploadOutcome addAttachment(long accountId, long draftId, String fileName, String contentType,
            InputStream content) throws NotFoundException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Removes an upload, or leaves a forwarded file out of the forward. */
    public Draft removeAttachment(long accountId, long draftId, String attachmentId) throws NotFoundException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether this would be sent, without sending (for showing refusals while typing). */
    public SendDecision decide(long accountId, Long draftId, DraftOrigin origin, DraftFields fields)
            throws NotFoundException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Saves the draft, decides on the server, and sends if allowed: one transaction writes the
     * Sent copy, the portal copies for external recipients (PENDING accounts and notifications as
     * for bridged mail) and the outbound rows for internal ones, and deletes the draft; the
     * outbound worker is woken after the commit. Refusals (and sends) are audited.
     */
    public SendOutcome send(long accountId, Long draftId, DraftOrigin origin, DraftFields fields, String clientAddress)
            throws NotFoundException, ActionDisabledException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Addresses the account has corresponded with (senders and recipients of its messages)
     * that start with {@code prefix} (address or display name, case-insensitive), as
     * {@code Name <address>} or the bare address, at most {@code max}.
     */
    public List<String> completeAddress(long accountId, String prefix, int max) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Convenience for pages: whether the policy offers {@code action} right now. */
    public boolean offers(long accountId, PortalAction action) {
        return policy(accountId).allows(action);
    }
}
