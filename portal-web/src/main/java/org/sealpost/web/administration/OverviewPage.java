package org.sealpost.web.administration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.sealpost.portal.account.AccountState;
import org.sealpost.portal.administration.AuditChainCheckStatus;
import org.sealpost.portal.administration.BridgeCertificateExpiry;
import org.sealpost.portal.administration.Overview;
import org.sealpost.portal.administration.OverviewService;

/**
 * admin/index.xhtml, the console's landing page: the portal's figures now. Facts that other
 * features own (the bridge certificate's expiry, the last audit-chain check) are shown only
 * when a bean provides them ({@link BridgeCertificateExpiry}, {@link AuditChainCheckStatus}).
 */
@Named
@RequestScoped
public class OverviewPage {

    @Inject
    private OverviewService overviews;

    @Inject
    private Instance<BridgeCertificateExpiry> bridgeCertificate;

    @Inject
    private Instance<AuditChainCheckStatus> auditChain;

    private Overview overview;

    /** f:viewAction: read before anything is rendered, so a refusal can still answer 403. */
    public void load() {
        overview = Console.call(overviews::now).orElse(null);
    }

    public Overview getOverview() {
        return overview;
    }

    public List<AccountState> getAccountStates() {
        return List.of(AccountState.values());
    }

    public boolean isBridgeCertificateKnown() {
        return bridgeCertificate.isResolvable();
    }

    /** The bridge certificate's expiry; null when the provider has no certificate yet. */
    public Instant getBridgeCertificateNotAfter() {
        return bridgeCertificate.isResolvable()
                ? bridgeCertificate.get().notAfter().orElse(null)
                : null;
    }

    /** Whole days until the bridge certificate expires (negative once it has); null without one. */
    public Long getBridgeCertificateDaysLeft() {
        Instant notAfter = getBridgeCertificateNotAfter();
        return notAfter == null
                ? null
                : java.time.Duration.between(Instant.now(), notAfter).toDays();
    }

    public boolean isAuditChainKnown() {
        return auditChain.isResolvable();
    }

    /** The last check of the audit chain; null when it was never checked. */
    public AuditChainCheckStatus.Check getLastAuditChainCheck() {
        return auditChain.isResolvable() ? auditChain.get().lastCheck().orElse(null) : null;
    }
}
