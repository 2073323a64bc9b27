package org.sealpost.portal.certificate;

import java.time.Instant;
import java.util.Optional;

/**
 * What the operator sees: the certificate in use, the one kept for rollback, and the CSR of a
 * key waiting for its certificate.
 */
public record CertificateOverview(
        Optional<CertificateDetails> current,
        String currentKeyType,
        Optional<CertificateDetails> previous,
        Optional<String> pendingCsr,
        Optional<Instant> pendingSince) {}
