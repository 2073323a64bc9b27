package org.sealpost.portal.administration;

import java.time.Instant;
import java.util.Optional;

/**
 * Hook for the overview: when the mail bridge's TLS certificate expires. The certificate
 * pages' service implements it as a CDI bean; until one exists the overview leaves the line
 * out rather than show a made-up value.
 */
public interface BridgeCertificateExpiry {

    /** The bridge certificate's notAfter (RFC 5280 §4.1.2.5); empty when there is none yet. */
    Optional<Instant> notAfter();
}
