package org.sealpost.portal.compose;

import org.sealpost.portal.policy.Refusal;

/** What became of one upload. */
public sealed interface UploadOutcome {

    /** Stored, sealed, with the draft. */
    record Stored(DraftAttachment attachment) implements UploadOutcome {}

    /**
     * Not stored, and nothing of it kept: attach is turned off, the count or total size limit was
     * reached while reading, or the upload broke off.
     */
    record Refused(Refusal refusal) implements UploadOutcome {}
}
