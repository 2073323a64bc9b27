package org.sealpost.portal.certificate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A certificate the smarthost's certificate must chain to (a CA, or the smarthost's own). */
@Entity
@Cacheable(false)
@Table(name = "smarthost_trust_anchor")
public class SmarthostTrustAnchor {

    @Id
    private String fingerprint;

    @Column(nullable = false)
    private String subject;

    @Column(name = "certificate_pem", nullable = false)
    private String certificatePem;

    @Column(name = "not_after", nullable = false)
    private OffsetDateTime notAfter;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    protected SmarthostTrustAnchor() {
        // JPA
    }

    SmarthostTrustAnchor(X509Certificate certificate, String addedBy, Instant now) {
        this.fingerprint = CertificateDetails.fingerprint(certificate);
        this.subject = certificate.getSubjectX500Principal().getName();
        this.certificatePem = CertificateFiles.toPem(List.of(certificate));
        this.notAfter = certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC);
        this.addedAt = now.atOffset(ZoneOffset.UTC);
        this.addedBy = addedBy;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String subject() {
        return subject;
    }

    public Instant notAfter() {
        return notAfter.toInstant();
    }

    public Instant addedAt() {
        return addedAt.toInstant();
    }

    X509Certificate certificate() {
        try {
            return CertificateFiles.readPemCertificates(certificatePem).get(0);
        } catch (CertificateRefusedException e) {
            throw new IllegalStateException("stored trust anchor " + fingerprint + " cannot be read", e);
        }
    }
}
