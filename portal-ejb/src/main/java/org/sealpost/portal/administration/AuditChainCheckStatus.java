package org.sealpost.portal.administration;

import java.time.Instant;
import java.util.Optional;

/**
 * Hook for the overview: the last check of the audit log's hash chain. The audit chain's
 * service implements it as a CDI bean; until one exists the overview leaves the line out.
 */
public interface AuditChainCheckStatus {

    /** The last check, if the chain was ever checked. */
    Optional<Check> lastCheck();

    /**
     * @param intact whether the chain was whole then; when not, the audit page names the row
     */
    record Check(Instant at, boolean intact) {}
}
