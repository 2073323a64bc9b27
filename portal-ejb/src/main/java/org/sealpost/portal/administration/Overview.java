package org.sealpost.portal.administration;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.sealpost.portal.account.AccountState;
import org.sealpost.portal.outbound.QueueFigures;

/**
 * The administrators' overview: the portal's figures as the database holds them now.
 *
 * @param searchBacklog      index work not yet done (rows of the search index queue)
 * @param searchOldestQueued when the oldest of them was queued; null when none waits
 */
public record Overview(
        long receivedToday,
        long receivedThisWeek,
        QueueFigures queue,
        Map<AccountState, Long> accountsByState,
        long searchBacklog,
        Instant searchOldestQueued) {

    public Overview {
        accountsByState = new EnumMap<>(accountsByState);
    }

    public long accounts(AccountState state) {
        return accountsByState.getOrDefault(state, 0L);
    }
}
