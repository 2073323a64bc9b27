package org.sealpost.portal.administration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.sealpost.portal.audit.AuditChain;
import org.sealpost.portal.intake.BridgeService;

/**
 * The overview's two facts owned elsewhere, read from their owners: the certificate the bridge
 * serves now (which every node follows from the database) and the audit chain's last check.
 * Kept here rather than in those features, so they need not know the overview exists.
 */
public final class OverviewFacts {

    private OverviewFacts() {}

    /** The certificate new bridge connections get now. */
    @ApplicationScoped
    public static class ServedCertificateExpiry implements BridgeCertificateExpiry {

        @Inject
        private BridgeService bridge;

        @Override
        public Optional<Instant> notAfter() {
            return Optional.ofNullable(bridge.certificates())
                    .map(c -> c.certificate().getNotAfter().toInstant());
        }
    }

    /** The last verification, by the button or by {@code ./sealpost audit verify}. */
    @ApplicationScoped
    public static class LastAuditChainCheck implements AuditChainCheckStatus {

        @Inject
        private AuditChain chain;

        @Override
        public Optional<Check> lastCheck() {
            return chain.lastCheck().map(c -> new Check(c.at(), c.intact()));
        }
    }
}
