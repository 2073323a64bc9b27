package org.sealpost.portal.platform;

/** Where the warm-up before readiness stands, as {@code /health/ready} reports it. */
public enum WarmUpState {
    /**
     * The portal's pages are not served yet. Readiness waits for them whether or not the warm-up
     * is on: Payara's health service answers well before deployment ends (44 s on a busy
     * machine), and a load balancer must not send users to a node that answers 404.
     */
    AWAITING_PAGES,
    /** {@code SEALPOST_WARM_UP=false} (or unset in dev mode), and the pages are served. */
    OFF,
    /** Enabled, the pages are served, and the rounds are running. */
    RUNNING,
    /** Its time is up: readiness no longer waits for it. */
    DONE,
    /** A round failed; logged, and readiness does not wait for a warm-up that cannot work. */
    FAILED;

    /** Whether readiness must stay DOWN for this state. */
    public boolean holdsReadiness() {
        return this == AWAITING_PAGES || this == RUNNING;
    }
}
