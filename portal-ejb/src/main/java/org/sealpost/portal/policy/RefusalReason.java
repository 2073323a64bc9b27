package org.sealpost.portal.policy;

/**
 * Why a send (or one address of it) is refused. A code, never a sentence: the web turns
 * {@code "compose.refusal." + name()} into the reader's language with the refusal's arguments.
 * The arguments of each code are listed here and are the contract with the bundle.
 */
public enum RefusalReason {
    /** The action is turned off. Arguments: the action ({@link PortalAction#name()}). Message-wide. */
    ACTION_DISABLED,
    /** To and Cc are both empty. No arguments. Message-wide, shown at To. */
    NO_RECIPIENT,
    /** Not an RFC 5322 addr-spec. Arguments: the text as typed. */
    MALFORMED_ADDRESS,
    /**
     * An address in a domain the portal keeps for accounts of its own
     * ({@code account.ReservedDomains}), whatever the action's scope. Arguments: the address's
     * domain (normalised, lower case).
     */
    RESERVED_ADDRESS,
    /** External address while the action's scope is internal only. Arguments: the action, the internal domains joined by ", ". */
    EXTERNAL_NOT_ALLOWED,
    /**
     * External addresses need at least one internal address beside them. Arguments: the internal
     * domains joined by ", ". Message-wide, shown at To.
     */
    INTERNAL_RECIPIENT_REQUIRED,
    /** The message carries attachments and attach is turned off. No arguments. Message-wide. */
    ATTACHMENTS_DISABLED,
    /**
     * The message carries attachments and attach is internal only: this external address may not
     * get them. Arguments: the internal domains joined by ", ".
     */
    ATTACHMENTS_EXTERNAL_NOT_ALLOWED,
    /** More files than allowed. Arguments: the maximum count. Message-wide. */
    TOO_MANY_ATTACHMENTS,
    /** Larger in total than allowed. Arguments: the maximum in bytes, the same in whole MiB. Message-wide. */
    ATTACHMENTS_TOO_LARGE,
    /** An upload ended before its last byte (connection lost); nothing of it was kept. No arguments. */
    UPLOAD_INCOMPLETE
}
