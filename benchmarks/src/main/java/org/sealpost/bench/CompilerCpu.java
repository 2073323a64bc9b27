package org.sealpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of a JVM's JIT compiler threads, from /proc: the threads HotSpot names "C1 CompilerThre…"
 * and "C2 CompilerThre…" (the kernel keeps 15 characters of a thread's name). A portal whose
 * compiler still works is not yet the warm portal a capacity figure is about: on a 2-core node at
 * ~33 sign-ins/s the compiler still took 4 ms per sign-in (17 % of a core) after four minutes of
 * sign-ins, since a method run once per sign-in needs some 15,000 calls before C2 compiles it
 * (HotSpot's Tier4CompileThreshold) — about 7.5 minutes at that rate (docs/BENCHMARKS.md).
 */
final class CompilerCpu {

    private CompilerCpu() {}

    /** utime + stime of the compiler threads of {@code pids} (processes without any count 0), in {@link ServerCpu#TICKS_PER_SECOND}. */
    static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                total += threads.filter(CompilerCpu::isCompiler)
                        .mapToLong(ServerCpu::ticksOf)
                        .sum();
            } catch (IOException | RuntimeException gone) {
                // the process has ended: nothing more of it to count
            }
        }
        return total;
    }

    private static boolean isCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }
}
