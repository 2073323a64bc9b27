package org.sealpost.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * "Forgot password" and "send me a new link" requests per client address: at most
 * {@link #PER_CLIENT} in {@link #WINDOW}, whatever addresses they name, so one client cannot
 * walk a list of addresses to mail them all. Per node, in memory, like {@link ClientThrottle}.
 */
@ApplicationScoped
public class LinkRequestThrottle {

    static final int PER_CLIENT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final SlidingWindows requests = new SlidingWindows(100_000);

    /** Counts the request; true if the client is within its limit. */
    public boolean admit(String client, Instant now) {
        String key = ClientKey.of(client);
        if (requests.count(key, now, WINDOW) >= PER_CLIENT) {
            return false;
        }
        requests.record(key, now, WINDOW);
        return true;
    }
}
