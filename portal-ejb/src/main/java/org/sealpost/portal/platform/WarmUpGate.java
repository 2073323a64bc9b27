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
 * before, and a warm-up whose time counted from then ran no round at all (WarmUpIT). The first
 * bound holds readiness with the warm-up off too: UP means the pages are served.
 */
@ApplicationScoped
public class WarmUpGate {

    /** Long enough for C1 to compile the page code and C2 much of it (docs/BENCHMARKS.md, "Warm start"). */
    static final Duration DEFAULT_TIME = Duration.ofSeconds(30);

    /** The most readiness waits for the pages to be served before the rounds begin. */
    public static final Duration DEPLOYMENT_WAIT = Duration.ofMinutes(2);

    @Inject
    private PortalSettings settings;

    private boolean enabled;
    private Duration time;
    private volatile long deadlineNanos;
    private volatile WarmUpState state;

    @PostConstruct
    void open() {
        // A developer restarting in a loop wants the page at once; a production node joining a
        // load balancer wants its first users served warm (ADR 0020).
        configure(
                settings.flag(Setting.WARM_UP, settings.production()),
                settings.duration(Setting.WARM_UP_TIME, DEFAULT_TIME));
    }

    void configure(boolean enabled, Duration configured) {
        configure(enabled, configured, DEPLOYMENT_WAIT);
    }

    void configure(boolean enabled, Duration configured, Duration deploymentWait) {
        this.enabled = enabled;
        time = configured.isNegative() ? Duration.ZERO : configured;
        deadlineNanos = System.nanoTime() + deploymentWait.toNanos();
        state = WarmUpState.AWAITING_PAGES;
    }

    /** Whether rounds run once the pages are served ({@code SEALPOST_WARM_UP}). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * The pages answer: with the warm-up on, its rounds get their whole time from now; with it
     * off, readiness waits no longer.
     */
    public void pagesServed() {
        if (state != WarmUpState.AWAITING_PAGES) {
            return;
        }
        if (enabled && timeLeft()) {
            deadlineNanos = System.nanoTime() + time.toNanos();
            state = WarmUpState.RUNNING;
        } else {
            state = enabled ? WarmUpState.DONE : WarmUpState.OFF;
        }
    }

    /** Whether the warm-up's time is still running. */
    public boolean timeLeft() {
        return System.nanoTime() - deadlineNanos < 0;
    }

    /** The warm-up ended (its time is up, or it failed). */
    public void ended(WarmUpState outcome) {
        if (state.holdsReadiness()) {
            state = outcome;
        }
    }

    /**
     * The state readiness reports: a state that holds readiness lets go by itself when its time
     * is up (DONE with the warm-up on, OFF without), so a deployment that never serves its pages
     * or a warm-up that hangs delays a start, never stops it.
     */
    public WarmUpState state() {
        WarmUpState now = state;
        if (now.holdsReadiness() && !timeLeft()) {
            return enabled ? WarmUpState.DONE : WarmUpState.OFF;
        }
        return now;
    }
}
