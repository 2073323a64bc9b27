package org.sealpost.portal.administration;

import java.time.Instant;
import org.sealpost.portal.account.AccountState;
import org.sealpost.portal.account.Role;

/**
 * An account as the administrators' accounts page lists it.
 *
 * @param state        LOCKED also while a failure back-off holds an ACTIVE account
 * @param lastSignInAt null when it never signed in
 * @param storageBytes the sealed size of its messages
 */
public record AccountSummary(
        long id,
        String email,
        AccountState state,
        Role role,
        Instant createdAt,
        Instant lastSignInAt,
        long messages,
        long storageBytes) {

    public boolean locked() {
        return state == AccountState.LOCKED;
    }

    public boolean disabled() {
        return state == AccountState.DISABLED;
    }

    /** A link can be sent: a new registration link while pending, a reset link while active. */
    public boolean linkable() {
        return state == AccountState.PENDING || state == AccountState.ACTIVE;
    }

    public boolean pending() {
        return state == AccountState.PENDING;
    }
}
