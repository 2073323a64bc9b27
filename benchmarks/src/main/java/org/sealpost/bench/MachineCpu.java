package org.sealpost.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine's processors were between two readings of /proc/stat: whether a
 * phase was limited by the processors at all, or left some of them idle (proc(5): the first
 * line's user, nice, system, idle, iowait, irq, softirq, steal in USER_HZ ticks).
 */
record MachineCpu(long busy, long total) {

    static MachineCpu now() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new MachineCpu(total - idle, total);
        } catch (IOException | RuntimeException notLinux) {
            return new MachineCpu(0, 0);
        }
    }

    /** Percent of all processors' time busy since {@code before}; NaN without /proc/stat. */
    double busyPercentSince(MachineCpu before) {
        long t = total - before.total;
        return t <= 0 ? Double.NaN : 100.0 * (busy - before.busy) / t;
    }
}
