package org.sealpost.portal.administration;

import jakarta.ejb.ApplicationException;

/**
 * The permissions form was filled in from a version of the policy that someone else has
 * changed since: saving it would silently undo their change, so it is refused and the
 * administrator reloads (optimistic locking on {@code portal_policy.version}).
 */
@ApplicationException(rollback = true)
public class PolicyChangedMeanwhileException extends Exception {

    private static final long serialVersionUID = 1L;

    public PolicyChangedMeanwhileException(int formVersion, int storedVersion) {
        super("the form shows version " + formVersion + " of the policy; version " + storedVersion + " is stored");
    }
}
