package org.sealpost.portal.certificate;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.portal.config.PortalSettings;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.MessageSealer;

/**
 * {@link BridgeCertificateDesk} in the container: one transaction per call, the portal's sealer
 * and the bridge's host name. The admin page's actions, the bridge's reload poll and the expiry
 * check go through here.
 */
@Stateless
public class BridgeCertificateService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    @Inject
    private MessageSealer sealer;

    @Inject
    private PortalSettings settings;

    private BridgeCertificateDesk desk() {
        return new BridgeCertificateDesk(em, sealer, Clock.systemUTC(), hostName());
    }

    /** {@code SEALPOST_SMTP_HOSTNAME}, as the bridge greets with it. */
    public String hostName() {
        return settings.get(Setting.SMTP_HOSTNAME).orElse("localhost");
    }

    public CertificateOverview overview() {
        return desk().overview();
    }

    /** Days until the bridge's certificate expires, for an overview; empty before the first start. */
    public Optional<Long> daysLeft() {
        return desk().daysLeft();
    }

    public ImportOutcome selfSigned(KeyKind kind, List<String> extraNames, String actor)
            throws CertificateRefusedException {
        return desk().selfSigned(kind, extraNames, actor);
    }

    public String requestCertificate(SubjectFields subject, List<String> extraNames, KeyKind kind, String actor)
            throws CertificateRefusedException {
        return desk().requestCertificate(subject, extraNames, kind, actor);
    }

    public Optional<String> pendingRequest() {
        return desk().pendingRequest();
    }

    public ImportOutcome importChain(String pem, String actor) throws CertificateRefusedException {
        return desk().importChain(pem, actor);
    }

    public ImportOutcome importPkcs12(byte[] content, char[] password, String actor)
            throws CertificateRefusedException {
        return desk().importPkcs12(content, password, actor);
    }

    public CertificateDetails rollback(String actor) throws CertificateRefusedException {
        return desk().rollback(actor);
    }

    /** First start: the bridge's existing certificate becomes the stored one, unless one is stored. */
    public boolean adopt(BridgeCertificates existing, String actor) throws CertificateRefusedException {
        return desk().adopt(existing, actor);
    }

    public Optional<UUID> currentId() {
        return desk().currentId();
    }

    public Optional<BridgeCertificateDesk.ServedKey> servedKey() throws CertificateRefusedException {
        return desk().servedKey();
    }

    /** See {@link BridgeCertificateDesk#remindAdministratorsOfExpiry}. */
    public int remindAdministratorsOfExpiry(LocalDate today) {
        return desk().remindAdministratorsOfExpiry(today);
    }
}
