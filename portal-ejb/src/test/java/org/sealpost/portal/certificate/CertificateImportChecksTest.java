package org.sealpost.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/** The checks a PKCS#12 file or a PEM chain passes before it may replace the bridge's certificate. */
class CertificateImportChecksTest {

    private static final String HOST = "mail.bank.example";

    private final TestPki pki;
    private final KeyPair keys = KeyKind.EC_P256.generate(TestPki.RANDOM);

    CertificateImportChecksTest() throws Exception {
        pki = new TestPki();
    }

    @Test
    void aGoodPkcs12YieldsItsKeyAndChainInOrder() throws Exception {
        X509Certificate leaf = pki.server(keys, HOST);
        byte[] p12 = TestPki.pkcs12(keys.getPrivate(), List.of(leaf, pki.intermediate, pki.root), "secret");

        CertificateFiles.KeyAndChain read = CertificateFiles.readPkcs12(p12, "secret".toCharArray());
        ChainCheck.Passed passed = ChainCheck.check(read.key(), read.chain(), Instant.now(), HOST);

        assertThat(read.chain()).containsExactly(leaf, pki.intermediate, pki.root);
        assertThat(passed.namesHost()).isTrue();
    }

    @Test
    void importRefusesAPkcs12WithTheWrongPassword() throws Exception {
        byte[] p12 = TestPki.pkcs12(keys.getPrivate(), List.of(pki.server(keys, HOST)), "secret");

        assertRefused(() -> CertificateFiles.readPkcs12(p12, "wrong".toCharArray()), CertificateProblem.WRONG_PASSWORD);
    }

    @Test
    void importRefusesAPasswordOfMoreThan100Characters() throws Exception {
        byte[] p12 = TestPki.pkcs12(keys.getPrivate(), List.of(pki.server(keys, HOST)), "secret");

        assertRefused(
                () -> CertificateFiles.readPkcs12(p12, "x".repeat(101).toCharArray()),
                CertificateProblem.PASSWORD_TOO_LONG);
    }

    @Test
    void importRefusesAFileThatIsNotPkcs12() {
        byte[] notPkcs12 = "just some text, not a keystore".getBytes(StandardCharsets.US_ASCII);

        assertRefused(
                () -> CertificateFiles.readPkcs12(notPkcs12, "secret".toCharArray()), CertificateProblem.NOT_PKCS12);
        assertRefused(
                () -> CertificateFiles.readPkcs12(new byte[] {0x30, (byte) 0x82, 1, 2, 3}, "secret".toCharArray()),
                CertificateProblem.NOT_PKCS12);
    }

    @Test
    void importRefusesACertificateThatIsNotTheKeys() throws Exception {
        KeyPair other = KeyKind.EC_P256.generate(TestPki.RANDOM);
        X509Certificate leafOfOther = pki.server(other, HOST);

        assertRefused(
                () -> ChainCheck.check(keys.getPrivate(), List.of(leafOfOther, pki.intermediate), Instant.now(), HOST),
                CertificateProblem.KEY_MISMATCH);
    }

    @Test
    void importRefusesAKeyOfAnotherTypeThanTheCertificate() throws Exception {
        KeyPair rsa = KeyKind.RSA_2048.generate(TestPki.RANDOM);
        X509Certificate leaf = pki.server(keys, HOST);

        assertRefused(
                () -> ChainCheck.check(rsa.getPrivate(), List.of(leaf), Instant.now(), HOST),
                CertificateProblem.KEY_MISMATCH);
    }

    @Test
    void importRefusesAnExpiredCertificate() throws Exception {
        Instant now = Instant.now();
        X509Certificate expired =
                pki.server(keys, HOST, now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(1)));
        byte[] p12 = TestPki.pkcs12(keys.getPrivate(), List.of(expired, pki.intermediate, pki.root), "secret");
        CertificateFiles.KeyAndChain read = CertificateFiles.readPkcs12(p12, "secret".toCharArray());

        assertRefused(() -> ChainCheck.check(read.key(), read.chain(), now, HOST), CertificateProblem.EXPIRED);
        assertThat(refusal(() -> ChainCheck.check(read.key(), read.chain(), now, HOST))
                        .arguments())
                .as("the page names the certificate and the day it expired")
                .containsExactly(
                        expired.getSubjectX500Principal().getName(),
                        expired.getNotAfter().toInstant());
    }

    @Test
    void importRefusesACertificateNotValidYet() throws Exception {
        Instant now = Instant.now();
        X509Certificate future = pki.server(keys, HOST, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)));
        byte[] p12 = TestPki.pkcs12(keys.getPrivate(), List.of(future, pki.intermediate, pki.root), "secret");
        CertificateFiles.KeyAndChain read = CertificateFiles.readPkcs12(p12, "secret".toCharArray());

        assertRefused(() -> ChainCheck.check(read.key(), read.chain(), now, HOST), CertificateProblem.NOT_YET_VALID);
    }

    @Test
    void importRefusesAPemChainOutOfOrder() throws Exception {
        X509Certificate leaf = pki.server(keys, HOST);

        assertRefused(
                () -> ChainCheck.check(
                        keys.getPrivate(), List.of(leaf, pki.root, pki.intermediate), Instant.now(), HOST),
                CertificateProblem.CHAIN_OUT_OF_ORDER);
        assertThat(refusal(() -> ChainCheck.check(
                                keys.getPrivate(), List.of(leaf, pki.root, pki.intermediate), Instant.now(), HOST))
                        .arguments())
                .as("the first certificate the next one does not sign: the server's own, counted from 1")
                .containsExactly(1, leaf.getSubjectX500Principal().getName());
    }

    @Test
    void importRefusesAPkcs12WhoseIssuerOnlyHasTheRightName() throws Exception {
        // A PKCS#12 holds its certificates as an unordered set; the JDK links them by issuer
        // name, so "out of order" there is a certificate with the right name and the wrong key.
        KeyPair impostorKeys = KeyKind.EC_P256.generate(TestPki.RANDOM);
        Instant now = Instant.now();
        X509Certificate impostor = TestPki.issue(
                new X500Name("CN=Test Intermediate"),
                impostorKeys,
                new X500Name("CN=Test Root"),
                pki.rootKeys.getPrivate(),
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)),
                true,
                List.of());
        X509Certificate leaf = pki.server(keys, HOST);
        byte[] p12 = TestPki.pkcs12(keys.getPrivate(), List.of(leaf, impostor, pki.root), "secret");
        CertificateFiles.KeyAndChain read = CertificateFiles.readPkcs12(p12, "secret".toCharArray());

        assertRefused(
                () -> ChainCheck.check(read.key(), read.chain(), now, HOST), CertificateProblem.CHAIN_OUT_OF_ORDER);
    }

    @Test
    void aPemChainIsReadInTheOrderGivenAndSkipsOtherBlocks() throws Exception {
        X509Certificate leaf = pki.server(keys, HOST);
        String pem = "issued by Test CA\n" + CertificateFiles.toPem(List.of(leaf, pki.intermediate));

        List<X509Certificate> read = CertificateFiles.readPemCertificates(pem);

        assertThat(read).containsExactly(leaf, pki.intermediate);
        assertThat(ChainCheck.check(keys.getPrivate(), read, Instant.now(), HOST)
                        .namesHost())
                .isTrue();
    }

    @Test
    void aPemFileWithoutCertificatesIsRefused() {
        assertRefused(() -> CertificateFiles.readPemCertificates("no certificate here"), CertificateProblem.NOT_PEM);
    }

    @Test
    void aCertificateForAnotherHostPassesWithAWarning() throws Exception {
        X509Certificate leaf = pki.server(keys, "other.bank.example");

        ChainCheck.Passed passed =
                ChainCheck.check(keys.getPrivate(), List.of(leaf, pki.intermediate), Instant.now(), HOST);

        assertThat(passed.namesHost()).isFalse();
        assertThat(passed.names()).containsExactly("other.bank.example");
    }

    private interface Action {
        void run() throws Exception;
    }

    private static CertificateRefusedException refusal(Action action) {
        CertificateRefusedException refused = catchThrowableOfType(CertificateRefusedException.class, action::run);
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).startsWith(refused.problem().name());
        return refused;
    }

    private static void assertRefused(Action action, CertificateProblem problem) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
