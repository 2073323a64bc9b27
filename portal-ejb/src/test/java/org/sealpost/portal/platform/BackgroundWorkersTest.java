package org.sealpost.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 finding 3: a worker whose pass ends in an {@link Error} used to stop for good (the
 * scheduler suppresses every later run of a task that threw) while readiness stayed UP. Real
 * scheduler, real readiness check.
 */
class BackgroundWorkersTest {

    private static final Duration DELAY = Duration.ofMillis(20);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BackgroundWorkers workers = new BackgroundWorkers();

    @org.junit.jupiter.api.BeforeAll
    static void healthResponses() {
        SimpleHealthResponses.install();
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private HealthCheckResponse readiness() {
        return PortalReadiness.readiness("12", List.of(), workers);
    }

    @Test
    void aPassEndingInAnErrorTurnsReadinessDownAndTheWorkerGoesOnAndRecovers() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        // Errors in passes 1 to 3 (say, a hostile message exhausting the heap), then healthy passes.
        workers.start("indexer", scheduler, DELAY, DELAY, () -> {
            if (passes.incrementAndGet() <= 3) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
        });

        awaitTrue(() -> passes.get() >= 1 && readiness().getStatus() == HealthCheckResponse.Status.DOWN);
        assertThat(readiness().getData().orElseThrow()).containsEntry("worker indexer", "failed: OutOfMemoryError");

        awaitTrue(() -> passes.get() >= 5);
        HealthCheckResponse recovered = readiness();
        assertThat(recovered.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(recovered.getData().orElseThrow()).containsEntry("worker indexer", "running");
    }

    @Test
    void aWorkerWhoseScheduleEndedIsReportedDownAndScheduledAgain() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        RecurringWorker worker = workers.start("outbound", scheduler, DELAY, DELAY, passes::incrementAndGet);
        awaitTrue(() -> passes.get() >= 1);
        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        // As if the container had cancelled it: the worker's own task ends without stop().
        cancelTask(worker);
        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        int before = passes.get();
        awaitTrue(() -> passes.get() > before + 1);
        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aWorkerStoppedOnPurposeLeavesReadinessUp() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        RecurringWorker worker = workers.start("outbound", scheduler, DELAY, DELAY, passes::incrementAndGet);
        awaitTrue(() -> passes.get() >= 1);
        worker.stop();

        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(readiness().getData().orElseThrow()).containsEntry("worker outbound", "stopped");
    }

    @Test
    void anExceptionInAPassIsRetriedWithoutTouchingReadiness() throws InterruptedException {
        AtomicInteger passes = new AtomicInteger();
        workers.start("outbound", scheduler, DELAY, DELAY, () -> {
            passes.incrementAndGet();
            throw new java.sql.SQLException("database away (simulated)");
        });
        awaitTrue(() -> passes.get() >= 3);
        assertThat(readiness().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private static void cancelTask(RecurringWorker worker) {
        try {
            var field = RecurringWorker.class.getDeclaredField("task");
            field.setAccessible(true);
            ((java.util.concurrent.Future<?>) field.get(worker)).cancel(false);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
