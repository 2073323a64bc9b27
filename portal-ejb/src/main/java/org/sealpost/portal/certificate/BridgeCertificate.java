package org.sealpost.portal.certificate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One key of the bridge, sealed, with its certificate chain once it has one. The private key
 * is only ever here as {@code wrappedKey} + {@code sealedKey} ({@link PrivateKeySeal}).
 */
@Entity
// Another node or the command line may change it at any time (the shared cache is off too).
@Cacheable(false)
@Table(name = "bridge_certificate")
public class BridgeCertificate {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CertificateState state;

    @Column(name = "key_kind", nullable = false)
    private String keyKind;

    @Column(name = "kek_version", nullable = false)
    private int kekVersion;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "sealed_key", nullable = false)
    private byte[] sealedKey;

    @Column(name = "chain_pem")
    private String chainPem;

    @Column(name = "csr_pem")
    private String csrPem;

    @Column
    private String fingerprint;

    @Column(name = "not_after")
    private OffsetDateTime notAfter;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "activated_at")
    private OffsetDateTime activatedAt;

    @Column(name = "expiry_notice_on")
    private LocalDate expiryNoticeOn;

    protected BridgeCertificate() {
        // JPA
    }

    private BridgeCertificate(
            UUID id,
            CertificateState state,
            String keyAlgorithm,
            PrivateKeySeal.Sealed key,
            String createdBy,
            Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.state = state;
        this.keyKind = keyAlgorithm;
        this.kekVersion = key.kekVersion();
        this.wrappedKey = key.wrappedKey();
        this.sealedKey = key.sealedKey();
        this.createdBy = createdBy;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** A key with its chain, about to become CURRENT ({@link #activate}). */
    static BridgeCertificate withChain(
            UUID id,
            String keyAlgorithm,
            PrivateKeySeal.Sealed key,
            List<X509Certificate> chain,
            String createdBy,
            Instant now) {
        BridgeCertificate row = new BridgeCertificate(id, CertificateState.PREVIOUS, keyAlgorithm, key, createdBy, now);
        row.attach(chain);
        return row;
    }

    /** A key waiting for the CA's answer to {@code csrPem}. */
    static BridgeCertificate waitingFor(
            UUID id, String keyAlgorithm, PrivateKeySeal.Sealed key, String csrPem, String createdBy, Instant now) {
        BridgeCertificate row =
                new BridgeCertificate(id, CertificateState.PENDING_CSR, keyAlgorithm, key, createdBy, now);
        row.csrPem = csrPem;
        return row;
    }

    /** The CA's chain for this (waiting) key; checked by the caller. */
    void attach(List<X509Certificate> chain) {
        this.chainPem = CertificateFiles.toPem(chain);
        this.fingerprint = CertificateDetails.fingerprint(chain.get(0));
        this.notAfter = chain.get(0).getNotAfter().toInstant().atOffset(ZoneOffset.UTC);
    }

    void activate(Instant now) {
        if (chainPem == null) {
            throw new IllegalStateException("a key without a certificate cannot be served");
        }
        state = CertificateState.CURRENT;
        activatedAt = now.atOffset(ZoneOffset.UTC);
        expiryNoticeOn = null;
    }

    void keepForRollback() {
        state = CertificateState.PREVIOUS;
    }

    /**
     * Records that today's expiry warning is being sent; false if it already was today (by
     * this node or another).
     */
    boolean claimExpiryNotice(LocalDate today) {
        if (expiryNoticeOn != null && !expiryNoticeOn.isBefore(today)) {
            return false;
        }
        expiryNoticeOn = today;
        return true;
    }

    public UUID id() {
        return id;
    }

    public CertificateState state() {
        return state;
    }

    public String keyAlgorithm() {
        return keyKind;
    }

    PrivateKeySeal.Sealed sealedKey() {
        return new PrivateKeySeal.Sealed(kekVersion, wrappedKey, sealedKey);
    }

    public int kekVersion() {
        return kekVersion;
    }

    void resealed(PrivateKeySeal.Sealed key) {
        this.kekVersion = key.kekVersion();
        this.wrappedKey = key.wrappedKey();
        this.sealedKey = key.sealedKey();
    }

    public Optional<String> chainPem() {
        return Optional.ofNullable(chainPem);
    }

    public Optional<String> csrPem() {
        return Optional.ofNullable(csrPem);
    }

    public Optional<Instant> notAfter() {
        return Optional.ofNullable(notAfter).map(OffsetDateTime::toInstant);
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
