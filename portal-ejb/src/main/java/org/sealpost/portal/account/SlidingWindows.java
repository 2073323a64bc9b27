package org.sealpost.portal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events per key (a client address) in a sliding window, in memory on one node. Bounded: past
 * {@code maxKeys} keys, keys whose window is empty are dropped first, and only if that frees
 * nothing is everything forgotten (a flood of distinct keys must not exhaust the heap).
 */
final class SlidingWindows {

    private final int maxKeys;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    SlidingWindows(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** How many events {@code key} had in {@code window} before {@code now}. */
    int count(String key, Instant now, Duration window) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now, window);
            return times.size();
        }
    }

    void record(String key, Instant now, Duration window) {
        if (events.size() > maxKeys) {
            events.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now, window);
                    return times.isEmpty();
                }
            });
            if (events.size() > maxKeys) {
                events.clear();
            }
        }
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now, window);
            times.addLast(now);
        }
    }

    private static void prune(Deque<Instant> times, Instant now, Duration window) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.removeFirst();
        }
    }
}
