package org.sealpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of one kind of a JVM's own threads, from /proc/PID/task, told apart by the names
 * HotSpot gives them (the kernel keeps 15 characters of a thread's name).
 *
 * <p>A portal whose compiler still works is not yet the warm portal a capacity figure is about:
 * on a 2-core node at ~33 sign-ins/s the compiler still took 4 ms per sign-in (17 % of a core)
 * after four minutes of sign-ins, since a method run once per sign-in needs some 15,000 calls
 * before C2 compiles it (HotSpot's Tier4CompileThreshold) — about 7.5 minutes at that rate
 * (docs/BENCHMARKS.md). The collector's share says the same of a first minute whose heap is
 * still settling.
 */
enum JvmThreads {
    /** The JIT compilers: "C1 CompilerThre…", "C2 CompilerThre…". */
    COMPILER("C1 CompilerThre", "C2 CompilerThre"),
    /**
     * The collector's workers ("GC Thread#N" in the parallel collector, G1's "G1 …" threads) and
     * the VM thread, which runs the collections' and every other safepoint's serial part.
     */
    GC_AND_SAFEPOINTS("GC Thread#", "G1 ", "VM Thread");

    private final List<String> namePrefixes;

    JvmThreads(String... namePrefixes) {
        this.namePrefixes = List.of(namePrefixes);
    }

    /** utime + stime of these threads of {@code pids} (processes without any count 0), in {@link ServerCpu#TICKS_PER_SECOND}. */
    long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                total += threads.filter(this::isOne)
                        .mapToLong(ServerCpu::ticksOf)
                        .sum();
            } catch (IOException | RuntimeException gone) {
                // the process has ended: nothing more of it to count
            }
        }
        return total;
    }

    private boolean isOne(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            return namePrefixes.stream().anyMatch(name::startsWith);
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }
}
