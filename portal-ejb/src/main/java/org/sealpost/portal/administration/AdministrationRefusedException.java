package org.sealpost.portal.administration;

import jakarta.ejb.ApplicationException;

/**
 * An administrator's action that the rules refuse; nothing was changed. The web names the
 * {@link Reason} in a sentence.
 */
@ApplicationException(rollback = true)
public class AdministrationRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an action was refused. */
    public enum Reason {
        /** No such account, or no such undelivered mail (deleted meanwhile, or sent). */
        NOT_FOUND,
        /** An administrator cannot disable or delete their own account. */
        OWN_ACCOUNT,
        /** Unlock asked for an account that is not locked. */
        NOT_LOCKED,
        /** Disable asked for an account that is disabled already. */
        ALREADY_DISABLED,
        /** Enable asked for an account that is not disabled. */
        NOT_DISABLED,
        /** A link is sent only to a pending (registration) or active (reset) account. */
        NO_LINK_FOR_STATE,
        /** The address typed to confirm a deletion is not the account's. */
        CONFIRMATION_MISMATCH,
        /** The address had as many link mails in the last hour as are allowed. */
        LINK_LIMIT,
        /** The mail is no longer waiting: sent meanwhile, or given up already. */
        NOT_WAITING,
        /** A given-up link mail is not revived while a newer one waits for the address. */
        NEWER_LINK_WAITING
    }

    private final Reason reason;

    public AdministrationRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
