package org.sealpost.portal.account;

import java.time.Instant;
import java.util.Objects;

/**
 * What the account contributes to the per-request session check: its state (only an ACTIVE
 * account's sessions go on) and the instant before which every session of it has ended
 * ({@code sessionsValidAfter}; null when nothing has ended them yet).
 */
public record SessionStanding(AccountState state, Instant sessionsValidAfter) {

    public SessionStanding {
        Objects.requireNonNull(state, "state");
    }

    public boolean active() {
        return state == AccountState.ACTIVE;
    }
}
