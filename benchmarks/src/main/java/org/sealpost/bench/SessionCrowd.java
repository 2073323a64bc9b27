package org.sealpost.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page drivers' crowd of simulated people: each session on a platform thread of its own, an
 * exception ending only its own session (counted, and the first three printed), and the driver
 * going on once every session has ended.
 */
final class SessionCrowd {

    /** One person's session; {@code index} picks its client, account or message ids. */
    @FunctionalInterface
    interface Session {
        void run(int index) throws Exception;
    }

    private final String errorPrefix;
    private final AtomicInteger errors = new AtomicInteger();

    /** @param errorPrefix what a printed error begins with, such as {@code "inbox: first error: "} */
    SessionCrowd(String errorPrefix) {
        this.errorPrefix = errorPrefix;
    }

    /** Runs {@code sessions} sessions at once and returns when all have ended. */
    void run(int sessions, Session session) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(sessions);
        for (int s = 0; s < sessions; s++) {
            int index = s;
            Thread.ofPlatform().start(() -> {
                try {
                    session.run(index);
                } catch (Exception e) {
                    report(e.toString());
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
    }

    /** An error a session saw and went on after (a wrong page), or that ended it. */
    void report(String what) {
        if (errors.incrementAndGet() <= 3) {
            System.err.println(errorPrefix + what);
        }
    }

    int errors() {
        return errors.get();
    }

    /** A person's think time: {@code ms} on average, spread evenly from half of it to one and a half. */
    static void pause(long ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ms / 2, ms * 3 / 2 + 1));
        }
    }
}
