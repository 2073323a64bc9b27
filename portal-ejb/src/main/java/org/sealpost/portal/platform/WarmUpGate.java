package org.sealpost.portal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;

/**
 * Whether the warm-up is on, until when it runs, and whether readiness must still wait for it.
 * The bound is kept here, not only by the warm-up: readiness stops waiting when the time is up
 * even if the warm-up never started or hangs, so a broken warm-up delays a start, never stops it.
 *
 * <p>Two bounds: {@link #DEPLOYMENT_WAIT} while deployment ends and the listener starts serving
 * the portal's pages, then {@code SEALPOST_WARM_UP_TIME} for the rounds themselves. Readiness is
 * answered (by Payara's health service) well before the pages are: on a busy machine 44 s
 * before, and a warm-up whose time counted from then ran no round at all (WarmUpIT).
 */
@ApplicationScoped
public class WarmUpGate {

    /**
     * The longest the rounds run: the warm-up ends sooner once the compiler has settled ({@link
     * CompilerSettling}). On a 2-core node the compiler was still busy (18-67 % of a processor)
     * after 120 s of rounds on both processors (docs/BENCHMARKS.md, "Session of 2026-12-06,
     * third"); a 30 s warm-up ended with it at 100 %.
     */
    static final Duration DEFAULT_TIME = Duration.ofSeconds(120);

    /** The most readiness waits for the pages to be served before the rounds begin. */
    public static final Duration DEPLOYMENT_WAIT = Duration.ofMinutes(2);

    /**
     * How long readiness still waits once the rounds' time is up: for each worker to end the
     * round it is in and delete its reader (ADR 0033). Readiness that turned UP at the deadline
     * itself sent the first users in while the workers still ran rounds and shredded their
     * readers' messages (docs/BENCHMARKS.md, "Session of 2026-12-06, seventh"). A round takes
     * tens of milliseconds and a reader's deletion about as long; this bounds a hung one.
     */
    static final Duration LAST_ROUND = Duration.ofSeconds(15);

    @Inject
    private PortalSettings settings;

    private Duration time;
    private Duration lastRound;
    private volatile long deadlineNanos;
    private volatile WarmUpState state;
    private volatile CompilerSettling compiler;

    @PostConstruct
    void open() {
        // A developer restarting in a loop wants the page at once; a production node joining a
        // load balancer wants its first users served warm (ADR 0020).
        configure(
                settings.flag(Setting.WARM_UP, settings.production()),
                settings.duration(Setting.WARM_UP_TIME, DEFAULT_TIME));
    }

    void configure(boolean enabled, Duration configured) {
        configure(enabled, configured, LAST_ROUND);
    }

    void configure(boolean enabled, Duration configured, Duration lastRound) {
        time = configured.isNegative() ? Duration.ZERO : configured;
        this.lastRound = lastRound;
        deadlineNanos = System.nanoTime() + DEPLOYMENT_WAIT.toNanos();
        state = enabled ? WarmUpState.RUNNING : WarmUpState.OFF;
    }

    public boolean enabled() {
        return state != WarmUpState.OFF;
    }

    /**
     * The pages answer: the rounds get their whole time from now, and the compiler is watched
     * from now. Only the first call counts (each of the warm-up's workers makes one).
     */
    public synchronized void roundsStarted() {
        if (compiler == null && timeLeft()) {
            deadlineNanos = System.nanoTime() + time.toNanos();
            compiler = CompilerSettling.ofThisJvm();
        }
    }

    /** Whether the warm-up's time is still running. */
    public boolean timeLeft() {
        return System.nanoTime() - deadlineNanos < 0;
    }

    /**
     * Whether the rounds should go on: their time is not up, the warm-up has not ended, and the
     * JIT compiler has not settled since they started (a warm-up that runs on while the compiler
     * is as quiet as a warm portal's only delays readiness).
     */
    public boolean roundsGoOn() {
        CompilerSettling watched = compiler;
        return state == WarmUpState.RUNNING && timeLeft() && (watched == null || !watched.settled());
    }

    /** The warm-up ended (its time is up, or it failed). */
    public void ended(WarmUpState outcome) {
        if (state == WarmUpState.RUNNING) {
            state = outcome;
        }
    }

    /**
     * How busy the JIT compiler was in the last whole window the warm-up watched, as a share of
     * one processor's time (1.0: one compiler thread busy throughout); NaN if none was watched.
     */
    public double compilerShare() {
        CompilerSettling watched = compiler;
        return watched == null ? Double.NaN : watched.lastShare();
    }

    /**
     * The state readiness reports. The workers end it (DONE, or FAILED) once their rounds stop and
     * their readers are deleted; RUNNING turns DONE by itself {@link #LAST_ROUND} after the time
     * is up, so a hung warm-up delays a start, never stops it (ADR 0020).
     */
    public WarmUpState state() {
        WarmUpState now = state;
        boolean givenUp = System.nanoTime() - (deadlineNanos + lastRound.toNanos()) >= 0;
        return now == WarmUpState.RUNNING && givenUp ? WarmUpState.DONE : now;
    }
}
