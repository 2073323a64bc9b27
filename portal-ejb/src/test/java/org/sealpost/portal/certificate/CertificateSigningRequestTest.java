package org.sealpost.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateSigningRequestTest {

    private static final String SUBJECT =
            "/C=DE/ST=Hessen/L=Frankfurt/O=Bank/OU=IT/CN=mail.bank.example/emailAddress=it@bank.example";

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void csrCarriesTheSubjectTheNamesAndAVerifyingSignature(KeyKind kind) throws Exception {
        KeyPair keys = kind.generate(TestPki.RANDOM);

        String pem = CertificateSigning.certificateSigningRequest(
                keys, SubjectFields.parse(SUBJECT), List.of("smtp.bank.example", "MAIL.bank.example"));

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        PKCS10CertificationRequest csr = parse(pem);
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(keys.getPublic())))
                .isTrue();
        assertThat(value(csr, BCStyle.C)).isEqualTo("DE");
        assertThat(value(csr, BCStyle.ST)).isEqualTo("Hessen");
        assertThat(value(csr, BCStyle.L)).isEqualTo("Frankfurt");
        assertThat(value(csr, BCStyle.O)).isEqualTo("Bank");
        assertThat(value(csr, BCStyle.OU)).isEqualTo("IT");
        assertThat(value(csr, BCStyle.CN)).isEqualTo("mail.bank.example");
        assertThat(value(csr, BCStyle.EmailAddress)).isEqualTo("it@bank.example");
        Extensions extensions =
                Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                        .getAttrValues()
                        .getObjectAt(0));
        GeneralNames names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        assertThat(Arrays.stream(names.getNames())
                        .map(n -> n.getTagNo() + ":" + n.getName().toString()))
                .containsExactly(
                        GeneralName.dNSName + ":mail.bank.example", GeneralName.dNSName + ":smtp.bank.example");
    }

    @Test
    void opensslVerifiesTheCsr() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
        String pem = CertificateSigning.certificateSigningRequest(
                KeyKind.RSA_2048.generate(TestPki.RANDOM), SubjectFields.parse(SUBJECT), List.of());
        Path file = Files.createTempFile("sealpost-csr", ".pem");
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            Process process = new ProcessBuilder(openssl.toString(), "req", "-in", file.toString(), "-noout", "-verify")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).containsIgnoringCase("verify OK");
        } finally {
            Files.delete(file);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/C=DE/CN=localhost",
                "/C=DE/CN=mail_bank.example",
                "/C=DE/CN=-mail.bank.example",
                "/C=DE/O=Bank",
                "/C=DE/CN=mail.bank.example."
            })
    void commonNameMustBeAFullyQualifiedHostName(String subject) {
        assertThatThrownBy(() -> SubjectFields.parse(subject))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(CertificateProblem.INVALID_COMMON_NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/C=DEU/CN=mail.bank.example", "/C=D/CN=mail.bank.example", "/C=D1/CN=mail.bank.example"})
    void countryMustBeTwoLetters(String subject) {
        assertThatThrownBy(() -> SubjectFields.parse(subject))
                .isInstanceOfSatisfying(CertificateRefusedException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CertificateProblem.INVALID_COUNTRY);
                    assertThat(e.arguments())
                            .as("the country as typed")
                            .containsExactly(subject.substring(3, subject.indexOf('/', 1)));
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"C=DE/CN=mail.bank.example", "/X=1/CN=mail.bank.example", "/CN=a.example/CN=b.example", "/CN"})
    void subjectNotInOpensslFormIsRefused(String subject) {
        assertThatThrownBy(() -> SubjectFields.parse(subject))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(CertificateProblem.INVALID_SUBJECT));
    }

    @Test
    void aSubjectAlternativeNameThatIsNotADnsNameIsRefused() throws Exception {
        KeyPair keys = KeyKind.EC_P256.generate(TestPki.RANDOM);
        SubjectFields subject = SubjectFields.parse("/CN=mail.bank.example");
        assertThatThrownBy(() -> CertificateSigning.certificateSigningRequest(keys, subject, List.of("bad name")))
                .isInstanceOfSatisfying(CertificateRefusedException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CertificateProblem.INVALID_NAME);
                    assertThat(e.arguments()).containsExactly("bad name");
                });
    }

    @Test
    void escapedSlashStaysInTheValue() throws Exception {
        assertThat(SubjectFields.parse("/O=Bank\\/Sparkasse/CN=mail.bank.example")
                        .organisation())
                .isEqualTo("Bank/Sparkasse");
    }

    private static PKCS10CertificationRequest parse(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (PKCS10CertificationRequest) parser.readObject();
        }
    }

    private static String value(PKCS10CertificationRequest csr, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        return IETFUtils.valueToString(
                csr.getSubject().getRDNs(type)[0].getFirst().getValue());
    }
}
