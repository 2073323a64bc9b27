package org.sealpost.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;

/** The certificate's life cycle against PostgreSQL: adopt, replace, CSR and chain, rollback, sealing, audit. */
class BridgeCertificateDeskIT {

    private static final String HOST = "mail.bank.example";

    @TempDir
    static Path keys;

    private static PortalJpa db;
    private static MessageSealer sealer;
    private static KeyEncryptionKeys keks;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("certificates");
        keks = KeyEncryptionKeys.openOrCreate(keys.resolve("kek.p12"), "pw".toCharArray());
        sealer = new MessageSealer(keks);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM bridge_certificate");
            s.executeUpdate("DELETE FROM audit_event");
        }
    }

    private <T> T desk(DeskWork<T> work) throws Exception {
        return db.inTransaction(em -> work.run(new BridgeCertificateDesk(em, sealer, Clock.systemUTC(), HOST)));
    }

    @FunctionalInterface
    private interface DeskWork<T> {
        T run(BridgeCertificateDesk desk) throws Exception;
    }

    @Test
    void theExistingCertificateIsAdoptedOnceAndServedWithItsKey() throws Exception {
        BridgeCertificates existing = BridgeCertificates.loadOrGenerate(keys.resolve("data"), HOST);

        assertThat(this.<Boolean>desk(d -> d.adopt(existing, "system"))).isTrue();
        assertThat(this.<Boolean>desk(
                        d -> d.adopt(BridgeCertificates.loadOrGenerate(keys.resolve("other"), HOST), "system")))
                .isFalse();

        BridgeCertificateDesk.ServedKey served = desk(d -> d.servedKey()).orElseThrow();
        assertThat(served.material().sha256Fingerprint()).isEqualTo(existing.sha256Fingerprint());
        assertThat(served.material().privateKey().getEncoded())
                .isEqualTo(existing.privateKey().getEncoded());
        assertThat(auditActions()).containsExactly("BRIDGE_CERTIFICATE_ADOPTED");
    }

    @Test
    void theStoredPrivateKeyIsSealedNotInClear() throws Exception {
        BridgeCertificates existing = BridgeCertificates.loadOrGenerate(keys.resolve("sealed"), HOST);
        desk(d -> d.adopt(existing, "system"));

        byte[] pkcs8 = existing.privateKey().getEncoded();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sealed_key, wrapped_key, kek_version FROM bridge_certificate")) {
            rs.next();
            byte[] stored = rs.getBytes(1);
            assertThat(indexOf(stored, pkcs8)).isEqualTo(-1);
            assertThat(rs.getInt(3)).isEqualTo(keks.currentVersion());
        }
    }

    @Test
    void selfSignedReplacesTheCurrentAndKeepsItForRollback() throws Exception {
        BridgeCertificates existing = BridgeCertificates.loadOrGenerate(keys.resolve("rotate"), HOST);
        desk(d -> d.adopt(existing, "system"));
        UUID before = desk(BridgeCertificateDesk::currentId).orElseThrow();

        ImportOutcome outcome =
                desk(d -> d.selfSigned(KeyKind.RSA_3072, List.of("smtp.bank.example"), "operator:anna"));

        assertThat(outcome.certificate().keyType()).isEqualTo("RSA 3072");
        assertThat(outcome.certificate().dnsNames()).containsExactly(HOST, "smtp.bank.example");
        assertThat(outcome.namesHost()).isTrue();
        assertThat(desk(BridgeCertificateDesk::currentId)).isNotEqualTo(Optional.of(before));
        CertificateOverview overview = desk(BridgeCertificateDesk::overview);
        assertThat(overview.current().orElseThrow().sha256Fingerprint())
                .isEqualTo(outcome.certificate().sha256Fingerprint());
        assertThat(overview.previous().orElseThrow().sha256Fingerprint()).isEqualTo(existing.sha256Fingerprint());

        CertificateDetails rolledBack = desk(d -> d.rollback("operator:anna"));

        assertThat(rolledBack.sha256Fingerprint()).isEqualTo(existing.sha256Fingerprint());
        assertThat(desk(BridgeCertificateDesk::currentId)).contains(before);
        assertThat(desk(d -> d.servedKey()).orElseThrow().material().sha256Fingerprint())
                .isEqualTo(existing.sha256Fingerprint());
        assertThat(desk(BridgeCertificateDesk::overview)
                        .previous()
                        .orElseThrow()
                        .sha256Fingerprint())
                .isEqualTo(outcome.certificate().sha256Fingerprint());
        assertThat(auditActions())
                .containsExactly(
                        "BRIDGE_CERTIFICATE_ADOPTED",
                        "BRIDGE_CERTIFICATE_SELF_SIGNED",
                        "BRIDGE_CERTIFICATE_ROLLED_BACK");
    }

    @Test
    void onlyOnePreviousIsKept() throws Exception {
        desk(d -> d.selfSigned(KeyKind.EC_P256, List.of(), "a"));
        desk(d -> d.selfSigned(KeyKind.EC_P256, List.of(), "a"));
        desk(d -> d.selfSigned(KeyKind.EC_P256, List.of(), "a"));

        assertThat(rowStates()).containsExactlyInAnyOrder("CURRENT", "PREVIOUS");
    }

    @Test
    void aCsrKeyWaitsUntilItsChainIsImportedAndThenServes() throws Exception {
        BridgeCertificates existing = BridgeCertificates.loadOrGenerate(keys.resolve("csr"), HOST);
        desk(d -> d.adopt(existing, "system"));
        String csr = desk(d -> d.requestCertificate(
                SubjectFields.parse("/C=DE/O=Bank/CN=" + HOST), List.of(), KeyKind.EC_P256, "admin:it@bank.example"));
        assertThat(desk(BridgeCertificateDesk::pendingRequest)).contains(csr);
        assertThat(desk(d -> d.servedKey()).orElseThrow().material().sha256Fingerprint())
                .isEqualTo(existing.sha256Fingerprint());

        // The CA signs the request's public key.
        TestPki pki = new TestPki();
        PrivateKey waitingKey = waitingKey();
        KeyPair waiting = new KeyPair(publicKeyOf(csr), waitingKey);
        X509Certificate leaf = pki.server(waiting, HOST);
        String chain = CertificateFiles.toPem(List.of(leaf, pki.intermediate, pki.root));

        ImportOutcome outcome = desk(d -> d.importChain(chain, "admin:it@bank.example"));

        assertThat(outcome.certificate().chain()).hasSize(3);
        BridgeCertificates served = desk(d -> d.servedKey()).orElseThrow().material();
        assertThat(served.certificate()).isEqualTo(leaf);
        assertThat(served.certificateChain()).containsExactly(leaf, pki.intermediate, pki.root);
        assertThat(desk(BridgeCertificateDesk::pendingRequest)).isEmpty();
        assertThat(rowStates()).containsExactlyInAnyOrder("CURRENT", "PREVIOUS");
    }

    @Test
    void aRefusedImportLeavesTheCurrentCertificateUntouched() throws Exception {
        BridgeCertificates existing = BridgeCertificates.loadOrGenerate(keys.resolve("refused"), HOST);
        desk(d -> d.adopt(existing, "system"));
        desk(d -> d.requestCertificate(SubjectFields.parse("/CN=" + HOST), List.of(), KeyKind.EC_P256, "a"));
        TestPki pki = new TestPki();
        KeyPair stranger = KeyKind.EC_P256.generate(TestPki.RANDOM);
        String foreignChain = CertificateFiles.toPem(List.of(pki.server(stranger, HOST), pki.intermediate));
        byte[] p12 = TestPki.pkcs12(stranger.getPrivate(), List.of(pki.server(stranger, HOST)), "right");

        assertThatThrownBy(() -> desk(d -> d.importChain(foreignChain, "a")))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(CertificateProblem.KEY_MISMATCH));
        assertThatThrownBy(() -> desk(d -> d.importPkcs12(p12, "wrong".toCharArray(), "a")))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(CertificateProblem.WRONG_PASSWORD));

        assertThat(desk(d -> d.servedKey()).orElseThrow().material().sha256Fingerprint())
                .isEqualTo(existing.sha256Fingerprint());
        assertThat(rowStates()).containsExactlyInAnyOrder("CURRENT", "PENDING_CSR");
    }

    @Test
    void aChainWithoutAWaitingKeyIsRefused() throws Exception {
        TestPki pki = new TestPki();
        String chain = CertificateFiles.toPem(List.of(pki.intermediate));

        assertThatThrownBy(() -> desk(d -> d.importChain(chain, "a")))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(CertificateProblem.NO_WAITING_KEY));
    }

    @Test
    void aPkcs12ReplacesTheCurrentCertificate() throws Exception {
        desk(d -> d.selfSigned(KeyKind.EC_P256, List.of(), "a"));
        TestPki pki = new TestPki();
        KeyPair keyPair = KeyKind.RSA_2048.generate(TestPki.RANDOM);
        X509Certificate leaf = pki.server(keyPair, HOST);
        byte[] p12 = TestPki.pkcs12(keyPair.getPrivate(), List.of(leaf, pki.intermediate), "pass word");

        desk(d -> d.importFile(p12, "pass word".toCharArray(), "a"));

        assertThat(desk(d -> d.servedKey()).orElseThrow().material().certificate())
                .isEqualTo(leaf);
    }

    @Test
    void rollbackWithoutAPreviousIsRefused() throws Exception {
        desk(d -> d.selfSigned(KeyKind.EC_P256, List.of(), "a"));

        assertThatThrownBy(() -> desk(d -> d.rollback("a")))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(CertificateProblem.NOTHING_TO_ROLL_BACK));
    }

    @Test
    void theExpiryNoticeIsClaimedOncePerDayOnlyWithinTheWarningPeriod() throws Exception {
        desk(d -> d.selfSigned(KeyKind.EC_P256, List.of(), "a"));
        LocalDate today = LocalDate.now();

        assertThat(this.<Boolean>desk(d -> d.claimExpiryNotice(today, 30))).isFalse(); // 825 days left
        assertThat(this.<Boolean>desk(d -> d.claimExpiryNotice(today, 900))).isTrue();
        assertThat(this.<Boolean>desk(d -> d.claimExpiryNotice(today, 900))).isFalse();
        assertThat(this.<Boolean>desk(d -> d.claimExpiryNotice(today.plusDays(1), 900)))
                .isTrue();
        assertThat(this.<Optional<Long>>desk(BridgeCertificateDesk::daysLeft).orElseThrow())
                .isBetween(823L, 825L);
    }

    @Test
    void administratorsAreRemindedOnceADayFrom30DaysBeforeExpiry() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM outbound_mail");
            s.executeUpdate(
                    "INSERT INTO account (email, role, state) VALUES ('postmaster@bank.example', 'ADMIN', 'ACTIVE'),"
                            + " ('pending@bank.example', 'ADMIN', 'PENDING'), ('anna@client.example', 'RECIPIENT', 'ACTIVE')"
                            + " ON CONFLICT (email) DO NOTHING");
        }
        ImportOutcome issued = desk(d -> d.selfSigned(KeyKind.EC_P256, List.of(), "a"));
        java.time.Instant expires = issued.certificate().notAfter();
        Clock farAway = Clock.fixed(expires.minus(java.time.Duration.ofDays(31)), java.time.ZoneOffset.UTC);
        Clock close = Clock.fixed(expires.minus(java.time.Duration.ofDays(10)), java.time.ZoneOffset.UTC);
        LocalDate day = LocalDate.ofInstant(close.instant(), java.time.ZoneOffset.UTC);

        Integer early = db.inTransaction(em ->
                new BridgeCertificateDesk(em, sealer, farAway, HOST).remindAdministratorsOfExpiry(day.minusDays(21)));
        Integer first = db.inTransaction(
                em -> new BridgeCertificateDesk(em, sealer, close, HOST).remindAdministratorsOfExpiry(day));
        Integer again = db.inTransaction(
                em -> new BridgeCertificateDesk(em, sealer, close, HOST).remindAdministratorsOfExpiry(day));
        Integer nextDay = db.inTransaction(
                em -> new BridgeCertificateDesk(em, sealer, close, HOST).remindAdministratorsOfExpiry(day.plusDays(1)));

        assertThat(List.of(early, first, again, nextDay)).containsExactly(0, 1, 0, 1);
        assertThat(strings("SELECT recipient || ' ' || kind FROM outbound_mail"))
                .containsOnly("postmaster@bank.example CERTIFICATE_EXPIRING");
    }

    @Test
    void keysMoveToANewKeyEncryptionKey() throws Exception {
        Path own = keys.resolve("rotation");
        Files.createDirectories(own);
        KeyEncryptionKeys rotating = KeyEncryptionKeys.openOrCreate(own.resolve("kek.p12"), "pw".toCharArray());
        MessageSealer rotatingSealer = new MessageSealer(rotating);
        ImportOutcome issued =
                db.inTransaction(em -> new BridgeCertificateDesk(em, rotatingSealer, Clock.systemUTC(), HOST)
                        .selfSigned(KeyKind.EC_P256, List.of(), "a"));
        rotating.rotate();

        Integer moved = db.inTransaction(
                em -> new BridgeCertificateDesk(em, rotatingSealer, Clock.systemUTC(), HOST).rewrapKeys());

        assertThat(moved.intValue()).isEqualTo(1);
        java.util.SortedSet<Integer> inUse =
                db.inTransaction(em -> new StoredBridgeCertificates(em).kekVersionsInUse());
        assertThat(inUse).containsExactly(rotating.currentVersion());
        assertThat(db.inTransaction(em ->
                                new BridgeCertificateDesk(em, rotatingSealer, Clock.systemUTC(), HOST).servedKey())
                        .orElseThrow()
                        .material()
                        .sha256Fingerprint())
                .isEqualTo(issued.certificate().sha256Fingerprint());
    }

    private PrivateKey waitingKey() throws Exception {
        return db.inTransaction(em -> {
            BridgeCertificate row = new StoredBridgeCertificates(em)
                    .inState(CertificateState.PENDING_CSR)
                    .orElseThrow();
            return new PrivateKeySeal(sealer).open(row.id(), row.keyAlgorithm(), row.sealedKey());
        });
    }

    private static java.security.PublicKey publicKeyOf(String csrPem) throws Exception {
        try (org.bouncycastle.openssl.PEMParser parser =
                new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(csrPem))) {
            return new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest(
                            (org.bouncycastle.pkcs.PKCS10CertificationRequest) parser.readObject())
                    .getPublicKey();
        }
    }

    private List<String> auditActions() throws Exception {
        return strings("SELECT action FROM audit_event ORDER BY id");
    }

    private List<String> rowStates() throws Exception {
        return strings("SELECT state FROM bridge_certificate");
    }

    private List<String> strings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1)
                .indexOf(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
