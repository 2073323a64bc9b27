package org.sealpost.portal.certificate;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.portal.audit.AuditAction;
import org.sealpost.portal.audit.AuditTrail;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealBrokenException;
import org.sealpost.portal.outbound.OutboundKind;
import org.sealpost.portal.outbound.OutboundQueue;

/**
 * The bridge certificate's life cycle, one method per thing an operator does; each runs in the
 * caller's transaction, checks everything before it changes anything, and records what it
 * changed in the audit trail. A refusal is a {@link CertificateRefusedException} with one
 * sentence, and the transaction has then changed nothing.
 *
 * <p>Plain Java over an entity manager: the admin page (through {@link BridgeCertificateService})
 * and {@code ./sealpost cert} (outside the container) both run exactly this.
 */
public final class BridgeCertificateDesk {

    private static final String TARGET = "bridge-certificate";

    private final StoredBridgeCertificates rows;
    private final EntityManager em;
    private final PrivateKeySeal seal;
    private final Clock clock;
    private final String hostName;
    private final SecureRandom random;

    /**
     * @param sealer seals and opens the private keys ({@code null} only through {@link #readOnly})
     * @param hostName the bridge's host name ({@code SEALPOST_SMTP_HOSTNAME}): the self-signed
     *     certificate's name, and the name an imported certificate should carry
     */
    public BridgeCertificateDesk(EntityManager em, MessageSealer sealer, Clock clock, String hostName) {
        this.em = Objects.requireNonNull(em, "em");
        this.rows = new StoredBridgeCertificates(em);
        this.seal = sealer == null ? null : new PrivateKeySeal(sealer);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hostName = Objects.requireNonNull(hostName, "hostName");
        this.random = new SecureRandom();
    }

    /**
     * A desk that only reads ({@link #overview}, {@link #daysLeft}, {@link #currentId},
     * {@link #pendingRequest}): no key-encryption keys needed, so {@code cert show} works
     * where the keystore is not readable.
     */
    public static BridgeCertificateDesk readOnly(EntityManager em, Clock clock, String hostName) {
        return new BridgeCertificateDesk(em, null, clock, hostName);
    }

    /** The key and chain a node serves, with the row id it polls to notice a change. */
    public record ServedKey(UUID id, BridgeCertificates material) {}

    public CertificateOverview overview() {
        Optional<BridgeCertificate> current = rows.inState(CertificateState.CURRENT);
        Optional<BridgeCertificate> pending = rows.inState(CertificateState.PENDING_CSR);
        Optional<CertificateDetails> details = current.map(BridgeCertificateDesk::details);
        return new CertificateOverview(
                details,
                details.map(CertificateDetails::keyType).orElse(""),
                rows.inState(CertificateState.PREVIOUS).map(BridgeCertificateDesk::details),
                pending.flatMap(BridgeCertificate::csrPem),
                pending.map(BridgeCertificate::createdAt));
    }

    /** Days until the certificate in use expires (negative once it has); empty before the first start. */
    public Optional<Long> daysLeft() {
        Instant now = clock.instant();
        return rows.inState(CertificateState.CURRENT)
                .flatMap(BridgeCertificate::notAfter)
                .map(notAfter -> Duration.between(now, notAfter).toDays());
    }

    /**
     * On the first start with this table: the certificate the bridge used so far (generated in
     * the data directory, or {@code SEALPOST_SMTP_KEYSTORE}) becomes CURRENT, so an existing
     * deployment keeps the certificate its gateway may have pinned. Does nothing when the
     * database already holds one.
     *
     * @return whether it was stored
     */
    public boolean adopt(BridgeCertificates existing, String actor) throws CertificateRefusedException {
        if (rows.lockInState(CertificateState.CURRENT).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        PrivateKey key = existing.privateKey();
        BridgeCertificate row = BridgeCertificate.withChain(
                id, key.getAlgorithm(), seal().seal(id, key), existing.certificateChain(), actor, now);
        row.activate(now);
        rows.add(row);
        audit(
                actor,
                AuditAction.BRIDGE_CERTIFICATE_ADOPTED,
                id,
                existing.certificateChain().get(0),
                now);
        return true;
    }

    /** A new key and a self-signed certificate for the bridge's host name (and {@code extraNames}), served at once. */
    public ImportOutcome selfSigned(KeyKind kind, List<String> extraNames, String actor)
            throws CertificateRefusedException {
        Instant now = clock.instant();
        KeyPair keys = kind.generate(random);
        X509Certificate certificate = CertificateSigning.selfSigned(keys, hostName, extraNames, now, random);
        ChainCheck.Passed passed = ChainCheck.check(keys.getPrivate(), List.of(certificate), now, hostName);
        UUID id = UUID.randomUUID();
        BridgeCertificate row = BridgeCertificate.withChain(
                id,
                keys.getPrivate().getAlgorithm(),
                seal().seal(id, keys.getPrivate()),
                List.of(certificate),
                actor,
                now);
        serve(row, now);
        audit(actor, AuditAction.BRIDGE_CERTIFICATE_SELF_SIGNED, id, certificate, now);
        return outcome(List.of(certificate), passed);
    }

    /**
     * A new key, kept sealed until its certificate comes back, and its CSR (PEM). A key that was
     * already waiting is discarded: only the newest request can be answered.
     */
    public String requestCertificate(SubjectFields subject, List<String> extraNames, KeyKind kind, String actor)
            throws CertificateRefusedException {
        Instant now = clock.instant();
        KeyPair keys = kind.generate(random);
        String csr = CertificateSigning.certificateSigningRequest(keys, subject, extraNames);
        rows.lockInState(CertificateState.PENDING_CSR).ifPresent(rows::remove);
        UUID id = UUID.randomUUID();
        rows.add(BridgeCertificate.waitingFor(
                id, keys.getPrivate().getAlgorithm(), seal().seal(id, keys.getPrivate()), csr, actor, now));
        AuditTrail.on(em)
                .record(
                        actor,
                        AuditAction.BRIDGE_CERTIFICATE_REQUESTED,
                        TARGET,
                        id.toString(),
                        null,
                        "CSR for " + subject.toX500Name() + ", key " + kind.option(),
                        now);
        return csr;
    }

    /** The CSR of the waiting key, to download it again. */
    public Optional<String> pendingRequest() {
        return rows.inState(CertificateState.PENDING_CSR).flatMap(BridgeCertificate::csrPem);
    }

    /** The CA's chain (PEM, leaf first, up to the root if given) for the waiting key; served at once. */
    public ImportOutcome importChain(String pem, String actor) throws CertificateRefusedException {
        List<X509Certificate> chain = CertificateFiles.readPemCertificates(pem);
        BridgeCertificate pending = rows.lockInState(CertificateState.PENDING_CSR)
                .orElseThrow(() -> new CertificateRefusedException(CertificateProblem.NO_WAITING_KEY));
        Instant now = clock.instant();
        ChainCheck.Passed passed = ChainCheck.check(open(pending), chain, now, hostName);
        pending.attach(chain);
        serve(pending, now);
        audit(actor, AuditAction.BRIDGE_CERTIFICATE_IMPORTED, pending.id(), chain.get(0), now);
        return outcome(chain, passed);
    }

    /** A PKCS#12 file (key and chain) with its password; served at once. A waiting key stays waiting. */
    public ImportOutcome importPkcs12(byte[] content, char[] password, String actor)
            throws CertificateRefusedException {
        CertificateFiles.KeyAndChain read = CertificateFiles.readPkcs12(content, password);
        Instant now = clock.instant();
        ChainCheck.Passed passed = ChainCheck.check(read.key(), read.chain(), now, hostName);
        UUID id = UUID.randomUUID();
        BridgeCertificate row = BridgeCertificate.withChain(
                id, read.key().getAlgorithm(), seal().seal(id, read.key()), read.chain(), actor, now);
        serve(row, now);
        audit(actor, AuditAction.BRIDGE_CERTIFICATE_IMPORTED, id, read.chain().get(0), now);
        return outcome(read.chain(), passed);
    }

    /** PEM text or a PKCS#12 file, told apart by their content. */
    public ImportOutcome importFile(byte[] content, char[] password, String actor) throws CertificateRefusedException {
        if (CertificateFiles.looksLikePem(content)) {
            return importChain(new String(content, StandardCharsets.US_ASCII), actor);
        }
        return importPkcs12(content, password, actor);
    }

    /** The previous certificate serves again; the one it replaces becomes the previous. */
    public CertificateDetails rollback(String actor) throws CertificateRefusedException {
        BridgeCertificate previous = rows.lockInState(CertificateState.PREVIOUS)
                .orElseThrow(() -> new CertificateRefusedException(CertificateProblem.NOTHING_TO_ROLL_BACK));
        BridgeCertificate current = rows.lockInState(CertificateState.CURRENT)
                .orElseThrow(() -> new CertificateRefusedException(CertificateProblem.NO_CERTIFICATE));
        Instant now = clock.instant();
        current.keepForRollback();
        previous.activate(now);
        rows.flush();
        List<X509Certificate> chain = chain(previous);
        audit(actor, AuditAction.BRIDGE_CERTIFICATE_ROLLED_BACK, previous.id(), chain.get(0), now);
        return CertificateDetails.of(chain);
    }

    /** The id of the certificate in use: cheap, for the reload poll. */
    public Optional<UUID> currentId() {
        return rows.currentId();
    }

    /** The key and chain in use, unsealed, for the bridge. */
    public Optional<ServedKey> servedKey() throws CertificateRefusedException {
        Optional<BridgeCertificate> current = rows.inState(CertificateState.CURRENT);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        BridgeCertificate row = current.get();
        return Optional.of(new ServedKey(row.id(), BridgeCertificates.of(open(row), chain(row))));
    }

    /**
     * Claims today's expiry warning for the cluster: true (and recorded) when the certificate in
     * use expires within {@code warnDays} and nobody sent today's yet. Row-locked, so of two
     * nodes asking at once exactly one gets true.
     */
    public boolean claimExpiryNotice(LocalDate today, int warnDays) {
        Optional<BridgeCertificate> current = rows.lockInState(CertificateState.CURRENT);
        if (current.isEmpty() || current.get().notAfter().isEmpty()) {
            return false;
        }
        long left = Duration.between(clock.instant(), current.get().notAfter().get())
                .toDays();
        return left <= warnDays && current.get().claimExpiryNotice(today);
    }

    /** From how many days before expiry the administrators are reminded, once a day. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    /**
     * The daily reminder: when the certificate in use expires within
     * {@value #EXPIRY_WARNING_DAYS} days and no node has sent today's yet, queues one mail to
     * every active administrator. Never touches the certificate: an expired one keeps serving,
     * the bridge never stops accepting because of it.
     *
     * @return how many mails were queued (0 when none was due)
     */
    public int remindAdministratorsOfExpiry(LocalDate today) {
        if (!claimExpiryNotice(today, EXPIRY_WARNING_DAYS)) {
            return 0;
        }
        rows.flush();
        // OutboundQueue reports a failed statement as StorageUnavailableException itself.
        return OutboundQueue.queueForAdministrators(
                em.unwrap(Connection.class), OutboundKind.CERTIFICATE_EXPIRING, clock.instant());
    }

    /**
     * Moves every stored key to the current key-encryption key (after a KEK rotation), so an old
     * KEK version can be retired; returns how many were re-wrapped.
     */
    public int rewrapKeys() throws CertificateRefusedException {
        int moved = 0;
        for (BridgeCertificate row : rows.all()) {
            try {
                PrivateKeySeal.Sealed before = row.sealedKey();
                PrivateKeySeal.Sealed after = seal().rewrap(row.id(), before);
                if (after.kekVersion() != before.kekVersion()) {
                    row.resealed(after);
                    moved++;
                }
            } catch (SealBrokenException e) {
                throw new CertificateRefusedException(CertificateProblem.KEYS_UNAVAILABLE, e);
            }
        }
        return moved;
    }

    /** Makes {@code next} CURRENT; the CURRENT becomes PREVIOUS; the old PREVIOUS is deleted. */
    private void serve(BridgeCertificate next, Instant now) {
        rows.lockInState(CertificateState.PREVIOUS).ifPresent(rows::remove);
        rows.lockInState(CertificateState.CURRENT).ifPresent(BridgeCertificate::keepForRollback);
        next.activate(now);
        if (!em.contains(next)) {
            rows.add(next);
        }
        rows.flush();
    }

    private PrivateKeySeal seal() throws CertificateRefusedException {
        if (seal == null) {
            throw new CertificateRefusedException(CertificateProblem.KEYS_UNAVAILABLE);
        }
        return seal;
    }

    private PrivateKey open(BridgeCertificate row) throws CertificateRefusedException {
        try {
            return seal().open(row.id(), row.keyAlgorithm(), row.sealedKey());
        } catch (SealBrokenException e) {
            throw new CertificateRefusedException(CertificateProblem.KEYS_UNAVAILABLE, e);
        }
    }

    private static List<X509Certificate> chain(BridgeCertificate row) {
        try {
            return CertificateFiles.readPemCertificates(row.chainPem().orElseThrow());
        } catch (CertificateRefusedException e) {
            throw new IllegalStateException("stored certificate " + row.id() + " cannot be read", e);
        }
    }

    private static CertificateDetails details(BridgeCertificate row) {
        return CertificateDetails.of(chain(row));
    }

    private ImportOutcome outcome(List<X509Certificate> chain, ChainCheck.Passed passed) {
        return new ImportOutcome(CertificateDetails.of(chain), passed.namesHost(), hostName, passed.names());
    }

    private void audit(String actor, AuditAction action, UUID id, X509Certificate leaf, Instant now) {
        AuditTrail.on(em)
                .record(
                        actor,
                        action,
                        TARGET,
                        id.toString(),
                        null,
                        leaf.getSubjectX500Principal().getName() + ", SHA-256 " + CertificateDetails.fingerprint(leaf)
                                + ", valid until " + leaf.getNotAfter().toInstant(),
                        now);
    }
}
