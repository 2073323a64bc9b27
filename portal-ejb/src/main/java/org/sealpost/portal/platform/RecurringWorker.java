package org.sealpost.portal.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One recurring background pass (the outbound queue, the search index queue) that no failure
 * stops. A {@link ScheduledExecutorService} silently suppresses every later run of a task whose
 * run threw (its {@code scheduleWithFixedDelay} contract), so a worker that caught only
 * {@code Exception} was stopped for good by the first {@link OutOfMemoryError} or
 * {@link StackOverflowError} of one pass, and nobody was told. Here nothing leaves a pass: an
 * {@link Error} is logged and remembered, which turns readiness DOWN ({@link BackgroundWorkers}),
 * and the next pass runs on schedule; a pass that completes clears it. Should the schedule end
 * anyway (cancelled by the container), {@link #ensureRunning()} reports it and schedules anew.
 */
public final class RecurringWorker {

    private static final Logger LOG = Logger.getLogger(RecurringWorker.class.getName());

    /** One pass; an exception it throws is logged and the next pass retries. */
    @FunctionalInterface
    public interface Pass {
        void run() throws Exception;
    }

    /** How the worker is doing, for readiness. */
    public enum Health {
        /** Scheduled, and its last pass did not end in an Error. */
        RUNNING,
        /** Its last pass ended in an Error (out of memory, stack overflow, ...); the next pass will run. */
        FAILED,
        /** Its schedule had ended although nobody stopped it; it has just been scheduled again. */
        RESTARTED,
        /** Stopped on purpose (undeploy). */
        STOPPED
    }

    private final String name;
    private final ScheduledExecutorService scheduler;
    private final Duration initialDelay;
    private final Duration delay;
    private final Pass pass;
    private ScheduledFuture<?> task;
    private boolean stopped;
    private volatile Throwable lastError;

    RecurringWorker(String name, ScheduledExecutorService scheduler, Duration initialDelay, Duration delay, Pass pass) {
        this.name = Objects.requireNonNull(name, "name");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.initialDelay = initialDelay;
        this.delay = delay;
        this.pass = Objects.requireNonNull(pass, "pass");
    }

    public String name() {
        return name;
    }

    synchronized void start() {
        stopped = false;
        schedule(initialDelay);
    }

    /** Stops scheduling; a pass under way finishes. */
    public synchronized void stop() {
        stopped = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    /** The worker's health; schedules it again when its schedule ended without {@link #stop()}. */
    public synchronized Health ensureRunning() {
        if (stopped) {
            return Health.STOPPED;
        }
        if (task == null || task.isDone()) {
            LOG.severe(() -> "background worker " + name + " was no longer scheduled; scheduling it again");
            schedule(delay);
            return Health.RESTARTED;
        }
        return lastError != null ? Health.FAILED : Health.RUNNING;
    }

    /** The Error the last pass ended in, or {@code null}. */
    public Throwable lastError() {
        return lastError;
    }

    private void schedule(Duration first) {
        task = scheduler.scheduleWithFixedDelay(
                this::runPass, first.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Never throws: a throw would end the schedule. */
    void runPass() {
        try {
            pass.run();
            lastError = null;
        } catch (Exception e) {
            // The database may be away or the disk full; the next pass retries. Readiness stays as it is.
            log(Level.WARNING, "background worker " + name + ": pass failed, retrying: " + e, e);
        } catch (Throwable e) {
            lastError = e;
            log(
                    Level.SEVERE,
                    "background worker " + name + ": pass ended in " + e
                            + "; readiness is DOWN until a pass completes, the next one runs as scheduled",
                    e);
        }
    }

    private static void log(Level level, String message, Throwable e) {
        try {
            LOG.log(level, message, LOG.isLoggable(Level.FINE) || e instanceof Error ? e : null);
        } catch (Throwable ignored) {
            // Even logging can fail when the heap is exhausted; the schedule must go on.
        }
    }
}
