package org.sealpost.portal.account.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void theHashesRunOnThreadsOfTheirOwnAtTheConfiguredNicenessAndTheCallerKeepsItsOwn() {
        OptionalInt caller = ThreadNiceness.ofThisThread();
        assumeTrue(caller.isPresent(), "Linux with its C library through JNA");
        HashingTurns turns = new HashingTurns(2, 7);

        OptionalInt hashing = turns.take(ThreadNiceness::ofThisThread);
        String hashingThread = turns.take(() -> Thread.currentThread().getName());

        assertThat(hashing).as("the hashing thread's nice value").hasValue(7);
        assertThat(hashingThread).startsWith("argon2id-");
        assertThat(ThreadNiceness.ofThisThread()).as("the caller's, unchanged").isEqualTo(caller);
    }

    @Test
    void aCallerInterruptedWhileWaitingGetsItsHashAndKeepsItsInterrupt() throws Exception {
        HashingTurns turns = new HashingTurns(1);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = Thread.ofPlatform().start(() -> {
            result.set(turns.take(() -> {
                computing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "tag";
            }));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        assertThat(computing.await(5, TimeUnit.SECONDS)).isTrue();

        caller.interrupt();
        release.countDown();

        assertThat(caller.join(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(result.get()).as("the sign-in is not abandoned half way").isEqualTo("tag");
        assertThat(stillInterrupted.get()).as("the interrupt is kept").isTrue();
    }

    @Test
    void aNicenessOutsideLinuxsRangeIsRefused() {
        assertThatThrownBy(() -> new HashingTurns(1, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("niceness must be 0 to 19");
    }
}
