package org.sealpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time of server processes and all their descendants (PostgreSQL backends), from /proc. */
final class ServerCpu {

    /** USER_HZ; 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)). */
    static final int TICKS_PER_SECOND = 100;

    private ServerCpu() {}

    static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            total += own(pid);
            total += ProcessHandle.of(pid)
                    .map(h -> h.descendants().mapToLong(d -> own(d.pid())).sum())
                    .orElse(0L);
        }
        return total;
    }

    private static long own(long pid) {
        return ticksOf(Path.of("/proc", Long.toString(pid)));
    }

    /**
     * utime + stime of a process or thread directory ({@code /proc/PID} or {@code
     * /proc/PID/task/TID}): fields 14 and 15 of its {@code stat}, counted after the command's
     * closing paren; 0 if it is gone.
     */
    static long ticksOf(Path procDir) {
        try {
            String stat = Files.readString(procDir.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
