package org.sealpost.portal.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HashingTurnsTest {

    @Test
    void noMoreThanTheConcurrencyComputeAtOnceAndEveryCallerGetsItsTurn() throws Exception {
        HashingTurns turns = new HashingTurns(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                turns.take(() -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        // Long enough that every caller has arrived while the first two compute.
                        Thread.sleep(60);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return done.incrementAndGet();
                });
            }));
        }
        start.countDown();
        for (Thread t : callers) {
            assertThat(t.join(java.time.Duration.ofSeconds(10))).isTrue();
        }

        assertThat(mostInside.get()).isEqualTo(2);
        assertThat(done.get()).isEqualTo(8);
    }

    @Test
    void aTurnIsGivenBackWhenTheWorkFails() throws Exception {
        HashingTurns turns = new HashingTurns(1);

        assertThatThrownBy(() -> turns.take(() -> {
                    throw new IllegalStateException("native library failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        CountDownLatch second = new CountDownLatch(1);
        Thread.ofPlatform()
                .start(() -> turns.take(() -> {
                    second.countDown();
                    return null;
                }));

        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aConcurrencyBelowOneIsRefused() {
        assertThatThrownBy(() -> new HashingTurns(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency must be at least 1");
    }
}
