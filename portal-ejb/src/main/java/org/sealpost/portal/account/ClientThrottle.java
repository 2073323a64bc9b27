package org.sealpost.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address in a sliding window, so one address cannot spray a
 * common password over many accounts (per-account locks alone would not notice). Kept in
 * memory per node: a cluster of N nodes allows N times the limit, which still bounds the
 * spray; the per-account lock, in the database, is exact.
 */
@ApplicationScoped
public class ClientThrottle {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public boolean exhausted(String client, Instant now, SignInPolicy policy) {
        Deque<Instant> times = failures.get(client);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, now, policy);
            return times.size() >= policy.maxFailuresPerClient();
        }
    }

    public void recordFailure(String client, Instant now, SignInPolicy policy) {
        if (failures.size() > MAX_TRACKED_CLIENTS) {
            failures.clear();
        }
        Deque<Instant> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now, policy);
            times.addLast(now);
        }
    }

    private static void prune(Deque<Instant> times, Instant now, SignInPolicy policy) {
        Instant horizon = now.minus(policy.clientWindow());
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.removeFirst();
        }
    }
}
