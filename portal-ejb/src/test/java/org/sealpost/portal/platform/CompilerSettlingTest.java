package org.sealpost.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When the warm-up counts the JIT compiler as settled: a whole quiet window, and then for good. */
class CompilerSettlingTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong compiledMillis = new AtomicLong(10_000);
    private final AtomicLong clock = new AtomicLong(7 * SECOND);
    private final CompilerSettling compiler = CompilerSettling.of(compiledMillis::get, clock::get);

    @Test
    void aBusyCompilerHasNotSettled() {
        clock.addAndGet(5 * SECOND);
        compiledMillis.addAndGet(600);

        assertThat(compiler.settled()).as("600 ms of 5 s compiling").isFalse();
    }

    @Test
    void aWindowCompilingUnderTheQuietShareHasSettled() {
        clock.addAndGet(5 * SECOND);
        compiledMillis.addAndGet(400);

        assertThat(compiler.settled()).as("400 ms of 5 s compiling").isTrue();
    }

    @Test
    void aWindowNotYetWholeDecidesNothing() {
        clock.addAndGet(4 * SECOND);

        assertThat(compiler.settled())
                .as("4 s without a compilation: not yet a whole window")
                .isFalse();
    }

    @Test
    void eachWindowIsJudgedOnItsOwnCompilations() {
        clock.addAndGet(5 * SECOND);
        compiledMillis.addAndGet(2_000);
        assertThat(compiler.settled()).isFalse();

        clock.addAndGet(5 * SECOND);
        compiledMillis.addAndGet(100);

        assertThat(compiler.settled())
                .as("the second window compiled 100 ms; the first window's 2 s are behind it")
                .isTrue();
    }

    @Test
    void onceSettledItStaysSettledWhateverTheCompilerDoesNext() {
        clock.addAndGet(5 * SECOND);
        assertThat(compiler.settled()).isTrue();

        clock.addAndGet(5 * SECOND);
        compiledMillis.addAndGet(3_000);

        assertThat(compiler.settled()).isTrue();
    }
}
