package org.sealpost.bridge.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeCertificatesTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAnEcdsaP256SelfSignedServerCertificateForTheHostName() throws Exception {
        Instant before = Instant.now();

        X509Certificate certificate =
                BridgeCertificates.loadOrGenerate(dataDir, "bridge.example.org").certificate();

        assertThat(certificate.getPublicKey())
                .isInstanceOfSatisfying(
                        ECPublicKey.class,
                        key -> assertThat(key.getParams().getCurve().getField().getFieldSize())
                                .isEqualTo(256));
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=bridge.example.org");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(2, "bridge.example.org"));
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(Duration.between(
                        certificate.getNotBefore().toInstant(),
                        certificate.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(825));
        assertThat(certificate.getNotBefore().toInstant()).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(certificate.getSerialNumber().bitLength()).isBetween(64, 159);
    }

    @Test
    void localhostCertificateAlsoNamesTheLoopbackAddress() throws Exception {
        X509Certificate certificate =
                BridgeCertificates.loadOrGenerate(dataDir, "localhost").certificate();

        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    }

    @Test
    void twoGeneratedCertificatesHaveDifferentRandomSerials(@TempDir Path other) {
        assertThat(BridgeCertificates.loadOrGenerate(dataDir, "localhost")
                        .certificate()
                        .getSerialNumber())
                .isNotEqualTo(BridgeCertificates.loadOrGenerate(other, "localhost")
                        .certificate()
                        .getSerialNumber());
    }

    @Test
    void secondStartReusesTheSameKeyAndCertificate() {
        BridgeCertificates first = BridgeCertificates.loadOrGenerate(dataDir, "localhost");
        BridgeCertificates second = BridgeCertificates.loadOrGenerate(dataDir, "localhost");

        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.sha256Fingerprint())
                .isEqualTo(first.sha256Fingerprint())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void keystoreAndItsPasswordAreReadableByTheOwnerOnly() throws Exception {
        BridgeCertificates.loadOrGenerate(dataDir, "localhost");
        Path tls = dataDir.resolve("tls");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("bridge.p12.password"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("bridge.p12"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)))
                .isEqualTo("rwx------");
        assertThat(Files.readString(tls.resolve("bridge.p12.password")).strip()).hasSizeGreaterThanOrEqualTo(43);
        try (var files = Files.list(tls)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("bridge.p12", "bridge.p12.password");
        }
    }

    @Test
    void generatedKeystoreOpensWithTheStoredPassword() {
        BridgeCertificates generated = BridgeCertificates.loadOrGenerate(dataDir, "localhost");
        Path tls = dataDir.resolve("tls");

        BridgeCertificates reopened = BridgeCertificates.fromPkcs12(
                tls.resolve("bridge.p12"), readPassword(tls.resolve("bridge.p12.password")));

        assertThat(reopened.certificate()).isEqualTo(generated.certificate());
    }

    @Test
    void keystoreWithoutItsPasswordFileIsAClearError() throws Exception {
        BridgeCertificates.loadOrGenerate(dataDir, "localhost");
        Files.delete(dataDir.resolve("tls/bridge.p12.password"));

        assertThatThrownBy(() -> BridgeCertificates.loadOrGenerate(dataDir, "localhost"))
                .isInstanceOf(BridgeTlsException.class)
                .hasMessageContaining("password file")
                .hasMessageContaining("missing");
    }

    @Test
    void invalidHostNameIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BridgeCertificates.loadOrGenerate(dataDir, "not a host"))
                .withMessageStartingWith("hostName: ");
    }

    @Test
    void missingKeystoreFileIsAClearError() {
        assertThatThrownBy(() -> BridgeCertificates.fromPkcs12(dataDir.resolve("nope.p12"), "x".toCharArray()))
                .isInstanceOf(BridgeTlsException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void wrongPasswordIsAClearError() {
        BridgeCertificates.loadOrGenerate(dataDir, "localhost");

        assertThatThrownBy(
                        () -> BridgeCertificates.fromPkcs12(dataDir.resolve("tls/bridge.p12"), "wrong".toCharArray()))
                .isInstanceOf(BridgeTlsException.class)
                .hasMessageContaining("wrong password");
    }

    @Test
    void fileThatIsNoKeystoreIsAClearError() throws Exception {
        Path garbage = Files.writeString(dataDir.resolve("garbage.p12"), "this is not PKCS#12");

        assertThatThrownBy(() -> BridgeCertificates.fromPkcs12(garbage, "x".toCharArray()))
                .isInstanceOf(BridgeTlsException.class)
                .hasMessageContaining("not a valid PKCS#12 file");
    }

    @Test
    void keystoreWithoutPrivateKeyIsAClearError() throws Exception {
        X509Certificate someCertificate =
                BridgeCertificates.loadOrGenerate(dataDir, "localhost").certificate();
        KeyStore trustOnly = KeyStore.getInstance("PKCS12");
        trustOnly.load(null, null);
        trustOnly.setCertificateEntry("ca", someCertificate);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trustOnly.store(out, "secret".toCharArray());
        Path file = Files.write(dataDir.resolve("trust-only.p12"), out.toByteArray());

        assertThatThrownBy(() -> BridgeCertificates.fromPkcs12(file, "secret".toCharArray()))
                .isInstanceOf(BridgeTlsException.class)
                .hasMessageContaining("no private key");
    }

    @Test
    void certificateSigningRequestIsSignedByTheCurrentKeyAndCarriesSubjectAndNames() throws Exception {
        BridgeCertificates certificates = BridgeCertificates.loadOrGenerate(dataDir, "bridge.example.org");

        String pem = certificates.certificateSigningRequest();

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----").contains("-----END CERTIFICATE REQUEST-----");
        PKCS10CertificationRequest request;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            request = (PKCS10CertificationRequest) parser.readObject();
        }
        JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(request);
        assertThat(jca.getPublicKey()).isEqualTo(certificates.certificate().getPublicKey());
        assertThat(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(jca.getPublicKey())))
                .isTrue();
        assertThat(request.getSubject().toString()).contains("CN=bridge.example.org");
        Extensions extensions =
                Extensions.getInstance(request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                        .getAttrValues()
                        .getObjectAt(0));
        GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        assertThat(names.getNames()).containsExactly(new GeneralName(GeneralName.dNSName, "bridge.example.org"));
        assertThat(extensions.getExtension(Extension.extendedKeyUsage)).isNotNull();
    }

    @Test
    void bouncyCastleIsNeverInstalledAsAJcaProvider() {
        BridgeCertificates.loadOrGenerate(dataDir, "localhost").certificateSigningRequest();

        assertThat(Security.getProvider("BC")).isNull();
    }

    private static char[] readPassword(Path file) {
        try {
            return Files.readString(file).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
