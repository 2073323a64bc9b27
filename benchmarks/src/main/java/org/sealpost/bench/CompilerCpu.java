package org.sealpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** utime + stime of {@code pid}'s compiler threads, in {@link ServerCpu#TICKS_PER_SECOND}; 0 if gone. */
    static long ticks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(CompilerCpu::ifCompiler).sum();
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long ifCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(task.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
