package org.sealpost.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Failed sign-ins per client address in a sliding window, so one address cannot spray a
 * common password over many accounts (per-account locks alone would not notice). Kept in
 * memory per node: a cluster of N nodes allows N times the limit, which still bounds the
 * spray; the per-account lock, in the database, is exact.
 *
 * <p>The key is the client address as {@code ClientOrigins} in the web tier determines it (the
 * rightmost untrusted hop behind a trusted proxy), so an exhausted client refuses that client
 * and nobody else: never everyone behind one proxy. An IPv6 client counts as its /64
 * ({@link ClientKey}).
 */
@ApplicationScoped
public class ClientThrottle {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final SlidingWindows failures = new SlidingWindows(MAX_TRACKED_CLIENTS);

    public boolean exhausted(String client, Instant now, SignInPolicy policy) {
        return failures.count(ClientKey.of(client), now, policy.clientWindow()) >= policy.maxFailuresPerClient();
    }

    public void recordFailure(String client, Instant now, SignInPolicy policy) {
        failures.record(ClientKey.of(client), now, policy.clientWindow());
    }
}
