package org.sealpost.portal.certificate;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link SmarthostTrustDesk} in the container, one transaction per call. */
@Stateless
public class SmarthostTrustService {

    @PersistenceContext(unitName = "sealpost")
    private EntityManager em;

    private SmarthostTrustDesk desk() {
        return new SmarthostTrustDesk(em, Clock.systemUTC());
    }

    public List<CertificateDetails> anchors() {
        return desk().anchors();
    }

    public List<CertificateDetails> importAnchors(String pem, String actor) throws CertificateRefusedException {
        return desk().importAnchors(pem, actor);
    }

    public boolean remove(String fingerprint, String actor) {
        return desk().remove(fingerprint, actor);
    }

    public String version() {
        return desk().version();
    }

    public Optional<KeyStore> trustStore() {
        return desk().trustStore();
    }

    public Optional<SmarthostTlsSessions.SessionSeen> lastSession() {
        return desk().lastSession();
    }

    public void recordSession(SmarthostTlsSessions.SessionSeen seen) {
        desk().recordSession(seen);
    }
}
