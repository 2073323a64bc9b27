package org.sealpost.portal.platform;

/** Where the warm-up before readiness stands, as {@code /health/ready} reports it. */
public enum WarmUpState {
    /** {@code SEALPOST_WARM_UP=false} (or unset in dev mode): readiness does not wait. */
    OFF,
    /** Enabled, and the portal's pages are not served yet, or the rounds are running. */
    RUNNING,
    /** Its time is up: readiness no longer waits for it. */
    DONE,
    /** A round failed; logged, and readiness does not wait for a warm-up that cannot work. */
    FAILED;

    /** Whether readiness must stay DOWN for this state. */
    public boolean holdsReadiness() {
        return this == RUNNING;
    }
}
