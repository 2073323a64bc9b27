package org.sealpost.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Every recurring background worker of this node, so that readiness can tell whether they are
 * all working ({@link PortalReadiness}): a node whose queues are no longer drained must not be
 * reported ready.
 */
@ApplicationScoped
public class BackgroundWorkers {

    private final Map<String, RecurringWorker> workers = new ConcurrentSkipListMap<>();

    /** Schedules {@code pass} with a fixed delay, guarded by a {@link RecurringWorker}. */
    public RecurringWorker start(
            String name,
            ScheduledExecutorService scheduler,
            Duration initialDelay,
            Duration delay,
            RecurringWorker.Pass pass) {
        RecurringWorker worker = new RecurringWorker(name, scheduler, initialDelay, delay, pass);
        RecurringWorker previous = workers.put(name, worker);
        if (previous != null) {
            previous.stop();
        }
        worker.start();
        return worker;
    }

    /**
     * Adds one entry per worker to the readiness response ({@code running}, {@code failed: <error>},
     * {@code restarted}, {@code stopped}); true when none failed or had to be restarted.
     */
    public boolean report(HealthCheckResponseBuilder response) {
        boolean up = true;
        for (RecurringWorker worker : workers.values()) {
            RecurringWorker.Health health = worker.ensureRunning();
            Throwable error = worker.lastError();
            String state = switch (health) {
                case RUNNING -> "running";
                case FAILED ->
                    "failed: " + (error == null ? "error" : error.getClass().getSimpleName());
                case RESTARTED -> "restarted";
                case STOPPED -> "stopped";
            };
            response.withData("worker " + worker.name(), state);
            up &= health == RecurringWorker.Health.RUNNING || health == RecurringWorker.Health.STOPPED;
        }
        return up;
    }
}
