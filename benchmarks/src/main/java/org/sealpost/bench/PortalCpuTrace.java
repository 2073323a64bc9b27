package org.sealpost.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The portal JVM's CPU every {@link #STEP_NANOS}, split into its JIT compiler, its collector
 * (with the VM thread's safepoints) and the rest (request threads, hashes, everything else):
 * whether a slow first minute is a compiler still at work, a heap still settling, or only more
 * work. Found by its command line ({@code payara-micro.jar}), read from /proc by a daemon thread
 * that sleeps between samples, so it adds nothing measurable to the cores it watches.
 */
final class PortalCpuTrace {

    static final long STEP_NANOS = 10_000_000_000L;

    private record Snapshot(long atNanos, long total, long compiler, long gc) {}

    /** The portal JVM's pid, as {@link JvmThreads#ticks} takes it. */
    private final List<Long> portal;

    private final long zero;
    private final List<Snapshot> snapshots = new ArrayList<>();

    private PortalCpuTrace(long pid, long zero) {
        this.portal = List.of(pid);
        this.zero = zero;
    }

    /** Samples the portal from {@code zero} (System.nanoTime) on, if one runs on this machine. */
    static Optional<PortalCpuTrace> start(long zero) {
        Optional<Long> found = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().stream()
                        .flatMap(Arrays::stream)
                        .anyMatch(arg -> arg.endsWith("payara-micro.jar")))
                .map(ProcessHandle::pid)
                .findFirst();
        return found.map(pid -> {
            PortalCpuTrace trace = new PortalCpuTrace(pid, zero);
            trace.sample();
            Thread sampler = new Thread(trace::sampleEveryStep, "portal-cpu-trace");
            sampler.setDaemon(true);
            sampler.start();
            return trace;
        });
    }

    private void sampleEveryStep() {
        try {
            for (int step = 1; ; step++) {
                long wait = zero + step * STEP_NANOS - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                sample();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        Snapshot s = new Snapshot(
                System.nanoTime() - zero,
                ServerCpu.ticksOf(Path.of("/proc", Long.toString(portal.get(0)))),
                JvmThreads.COMPILER.ticks(portal),
                JvmThreads.GC_AND_SAFEPOINTS.ticks(portal));
        synchronized (snapshots) {
            snapshots.add(s);
        }
    }

    /**
     * The portal's CPU between the samples nearest {@code fromNanos} and {@code toNanos} (since
     * zero), in % of one core: "total/compiler/GC", or "?" without two samples there.
     */
    String shares(long fromNanos, long toNanos) {
        Snapshot from = nearest(fromNanos);
        Snapshot to = nearest(toNanos);
        if (from == null || to == null || to.atNanos() <= from.atNanos()) {
            return "?";
        }
        // ticks over the window's ticks: 100 % is one core busy throughout.
        double ticks = (to.atNanos() - from.atNanos()) / 1e9 * ServerCpu.TICKS_PER_SECOND / 100.0;
        return String.format(
                "%.0f/%.0f/%.0f",
                (to.total() - from.total()) / ticks,
                (to.compiler() - from.compiler()) / ticks,
                (to.gc() - from.gc()) / ticks);
    }

    /** Six 10-second windows from {@code startNanos} (System.nanoTime, as the caller took it). */
    String byTenSecondsSince(long startNanos) {
        StringBuilder tens = new StringBuilder();
        for (int t = 0; t < 6; t++) {
            long from = startNanos - zero + t * STEP_NANOS;
            tens.append(String.format(" %d-%ds %s", t * 10, t * 10 + 10, shares(from, from + STEP_NANOS)));
        }
        return tens.toString();
    }

    /** Each of the first {@code minutes} minutes since zero. */
    String byMinute(int minutes) {
        StringBuilder each = new StringBuilder();
        for (int m = 0; m < minutes; m++) {
            each.append(String.format(" m%d %s", m + 1, shares(m * 6 * STEP_NANOS, (m + 1) * 6 * STEP_NANOS)));
        }
        return each.toString();
    }

    private Snapshot nearest(long atNanos) {
        synchronized (snapshots) {
            Snapshot best = null;
            for (Snapshot s : snapshots) {
                if (best == null || Math.abs(s.atNanos() - atNanos) < Math.abs(best.atNanos() - atNanos)) {
                    best = s;
                }
            }
            return best != null && Math.abs(best.atNanos() - atNanos) < STEP_NANOS / 2 ? best : null;
        }
    }
}
