package org.sealpost.portal.platform;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether the JIT compiler has settled: over the last {@link #WINDOW} it spent less than {@link
 * #QUIET_SHARE} of that window compiling. A warm-up that ends after a fixed time ends while its own
 * code still compiles (docs/BENCHMARKS.md: 957 compilations in a 30 s warm-up's last 5 s, and a
 * fresh portal's first minute compiles some 5,000 methods); one that runs until the compiler is
 * as quiet as a warm portal's hands its first users compiled code, and on a fast machine ends
 * sooner than the fixed time would.
 *
 * <p>The source is the JVM's cumulative compilation time ({@link
 * CompilationMXBean#getTotalCompilationTime()}, milliseconds summed over the compiler threads),
 * sampled once per window by whoever asks; a JVM without it never settles, and the warm-up ends
 * at its time bound as before.
 */
final class CompilerSettling {

    /** Long enough to hold several of the larger C2 compilations (tens of ms each). */
    static final Duration WINDOW = Duration.ofSeconds(5);

    /**
     * The compiler's share of one window (in one processor's time) that counts as settled. A warm
     * portal under load compiled for under 0.3 s per 5 s; on a 2-core node the warm-up's rounds
     * kept the compiler above one processor for their first minute and near 1 s per 5 s at two
     * minutes (docs/BENCHMARKS.md, "Warm start").
     */
    static final double QUIET_SHARE = 0.10;

    /** Null where the JVM does not measure its compilation time. */
    private final LongSupplier compilationMillis;

    private final LongSupplier nanoTime;
    private long windowStartNanos;
    private long windowStartMillis;
    private boolean settled;
    private double lastShare = Double.NaN;

    private CompilerSettling(LongSupplier compilationMillis, LongSupplier nanoTime) {
        this.compilationMillis = compilationMillis;
        this.nanoTime = nanoTime;
        this.windowStartNanos = nanoTime.getAsLong();
        this.windowStartMillis = compilationMillis == null ? 0 : compilationMillis.getAsLong();
    }

    /** This JVM's compiler, from now on. */
    static CompilerSettling ofThisJvm() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return new CompilerSettling(null, System::nanoTime);
        }
        return new CompilerSettling(compiler::getTotalCompilationTime, System::nanoTime);
    }

    /** For tests: a compiler and a clock of the test's own. */
    static CompilerSettling of(LongSupplier compilationMillis, LongSupplier nanoTime) {
        return new CompilerSettling(compilationMillis, nanoTime);
    }

    /**
     * Whether the last whole window was quiet; once it was, the answer stays yes (the warm-up
     * ends, it does not resume).
     */
    synchronized boolean settled() {
        long now = nanoTime.getAsLong();
        long elapsedNanos = now - windowStartNanos;
        if (!settled && compilationMillis != null && elapsedNanos >= WINDOW.toNanos()) {
            long compiled = compilationMillis.getAsLong();
            lastShare = (compiled - windowStartMillis) / (elapsedNanos / 1_000_000.0);
            settled = lastShare < QUIET_SHARE;
            windowStartNanos = now;
            windowStartMillis = compiled;
        }
        return settled;
    }

    /** The share of the last whole window the compiler spent compiling; NaN before the first. */
    synchronized double lastShare() {
        return lastShare;
    }
}
