package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One outbound pass at a time, and a wake that comes during a pass is served, not lost. */
class PassGateTest {

    private final PassGate gate = new PassGate();

    @Test
    void aWakeDuringAPassMakesThatPassRunOnceMoreInsteadOfASecondPassBesideIt() throws Exception {
        CountDownLatch inFirstRound = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable body = () -> {
            mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            if (rounds.incrementAndGet() == 1) {
                inFirstRound.countDown();
                await(release);
            }
            concurrent.decrementAndGet();
        };
        Thread first = Thread.ofPlatform().start(() -> gate.pass(body));
        assertThat(inFirstRound.await(10, TimeUnit.SECONDS)).isTrue();

        boolean startAnother = gate.request();
        gate.pass(body); // what a wake's task would run: returns at once, the running pass serves it
        release.countDown();
        first.join(10_000);

        assertThat(startAnother).isFalse();
        assertThat(rounds).hasValue(2);
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void manyWakesFromManyThreadsAreAllServedByPassesThatNeverOverlap() throws Exception {
        AtomicInteger requestsMade = new AtomicInteger();
        AtomicInteger servedUpTo = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable body = () -> {
            mostAtOnce.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            // A round sees every request made before it started (as a pass sees every committed row).
            servedUpTo.accumulateAndGet(requestsMade.get(), Math::max);
            Thread.onSpinWait();
            concurrent.decrementAndGet();
        };
        Thread[] wakers = new Thread[8];
        for (int t = 0; t < wakers.length; t++) {
            wakers[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    requestsMade.incrementAndGet();
                    if (gate.request()) {
                        gate.pass(body);
                    }
                }
            });
        }
        for (Thread t : wakers) {
            t.join(30_000);
        }

        assertThat(mostAtOnce).hasValue(1);
        assertThat(servedUpTo).hasValue(8 * 2_000);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
