package org.sealpost.portal.session;

/** What came of asking to end another session of one's account. */
public sealed interface EndOutcome {

    /** It ended; its next request, on whichever node, lands on the sign-in page. */
    record Ended(OpenSession session) implements EndOutcome {}

    /**
     * No open session of this account has that handle: it ended already, never existed,
     * belongs to another account, or is the asking session itself (which signs out with its
     * own button). One answer for all, so a handle of another account tells nothing.
     */
    record NoSuchSession() implements EndOutcome {}
}
