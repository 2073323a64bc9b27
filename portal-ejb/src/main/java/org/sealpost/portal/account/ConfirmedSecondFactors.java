package org.sealpost.portal.account;

import jakarta.persistence.EntityManager;

/**
 * Whether an account signs in with a confirmed second factor (an authenticator, RFC 6238),
 * asked by the sign-in after a right password. Package secondfactor keeps the authenticators
 * and builds on account, so account names only this interface and secondfactor answers it.
 */
@FunctionalInterface
public interface ConfirmedSecondFactors {

    /** On the sign-in's own entity manager, so the answer is read in its transaction. */
    boolean confirmedFor(EntityManager em, long accountId);
}
