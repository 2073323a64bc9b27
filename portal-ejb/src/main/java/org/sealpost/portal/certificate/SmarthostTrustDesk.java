package org.sealpost.portal.certificate;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;

/**
 * The smarthost connection's trust anchors, imported by the administrator and kept in the
 * database: when there are any, new smarthost connections on every node trust exactly these
 * (instead of {@code SEALPOST_SMARTHOST_TRUSTSTORE} or the JDK's CAs); the host name is still
 * checked (RFC 6125). Plain Java over an entity manager, like {@link BridgeCertificateDesk}.
 */
public final class SmarthostTrustDesk {

    private final EntityManager em;
    private final SmarthostTrustAnchors anchors;
    private final Clock clock;

    public SmarthostTrustDesk(EntityManager em, Clock clock) {
        this.em = Objects.requireNonNull(em, "em");
        this.anchors = new SmarthostTrustAnchors(em);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<CertificateDetails> anchors() {
        return anchors.all().stream()
                .map(a -> CertificateDetails.of(List.of(a.certificate())))
                .toList();
    }

    /**
     * Adds every certificate of the PEM text (one already there is skipped); all or none.
     *
     * @return the certificates added
     * @throws CertificateRefusedException no certificate in the text, or one of them expired or not yet valid
     */
    public List<CertificateDetails> importAnchors(String pem, String actor) throws CertificateRefusedException {
        List<X509Certificate> certificates = CertificateFiles.readPemCertificates(pem);
        Instant now = clock.instant();
        ChainCheck.requireValid(certificates, now);
        List<CertificateDetails> added = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            String fingerprint = CertificateDetails.fingerprint(certificate);
            if (anchors.find(fingerprint).isEmpty()
                    && added.stream().noneMatch(d -> d.sha256Fingerprint().equals(fingerprint))) {
                anchors.add(new SmarthostTrustAnchor(certificate, actor, now));
                added.add(CertificateDetails.of(List.of(certificate)));
            }
        }
        if (!added.isEmpty()) {
            AuditTrail.on(em)
                    .record(
                            actor,
                            AuditAction.SMARTHOST_TRUST_ANCHORS_IMPORTED,
                            "smarthost-trust",
                            null,
                            null,
                            String.join(
                                    "; ",
                                    added.stream()
                                            .map(d -> d.subject() + ", SHA-256 " + d.sha256Fingerprint())
                                            .toList()),
                            now);
        }
        return added;
    }

    /** Removes one anchor; false if there was none with that fingerprint. */
    public boolean remove(String fingerprint, String actor) {
        Optional<SmarthostTrustAnchor> anchor = anchors.find(fingerprint);
        anchor.ifPresent(a -> {
            anchors.remove(a);
            AuditTrail.on(em)
                    .record(
                            actor,
                            AuditAction.SMARTHOST_TRUST_ANCHOR_REMOVED,
                            "smarthost-trust",
                            fingerprint,
                            null,
                            a.subject(),
                            clock.instant());
        });
        return anchor.isPresent();
    }

    public String version() {
        return anchors.version();
    }

    /** The anchors as a trust store; empty when none are stored (the configured trust applies). */
    public Optional<KeyStore> trustStore() {
        List<SmarthostTrustAnchor> all = anchors.all();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (SmarthostTrustAnchor anchor : all) {
                store.setCertificateEntry(anchor.fingerprint(), anchor.certificate());
            }
            return Optional.of(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the smarthost trust store: " + e.getMessage(), e);
        }
    }

    public Optional<SmarthostTlsSessions.SessionSeen> lastSession() {
        return new SmarthostTlsSessions(em).last();
    }

    public void recordSession(SmarthostTlsSessions.SessionSeen seen) {
        new SmarthostTlsSessions(em).record(seen);
    }
}
