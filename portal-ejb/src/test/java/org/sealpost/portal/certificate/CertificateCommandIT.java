package org.sealpost.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.config.Setting;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.operator.OperatorCommand;
import org.sealpost.portal.operator.TestOperatorContext;

/** {@code ./sealpost cert …} as the launcher runs it, over a migrated PostgreSQL database. */
class CertificateCommandIT {

    @TempDir
    static Path data;

    private static PortalJpa db;

    private TestOperatorContext operator;
    private String stdin = "";

    @BeforeAll
    static void database() throws Exception {
        db = PortalJpa.create("cert-command");
        Path keys = Files.createDirectories(data.resolve("keys"));
        Files.writeString(keys.resolve("kek.password"), "dev-password\n");
        KeyEncryptionKeys.openOrCreate(keys.resolve("kek.p12"), "dev-password".toCharArray());
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
        }
    }

    private int cert(String... arguments) throws Exception {
        context().clear();
        return new CertificateCommand().run(List.of(arguments), context());
    }

    @Test
    void selfSignedThenShowPrintsTheNewFingerprint() throws Exception {
        assertThat(cert("self-signed", "--key", "rsa2048", "--san", "smtp.bank.example"))
                .isZero();
        String fingerprint = line(context().printed(), "SHA-256:");

        assertThat(cert("show")).isZero();

        assertThat(line(context().printed(), "SHA-256:")).isEqualTo(fingerprint);
        assertThat(context().printed())
                .contains("mail.bank.example, smtp.bank.example")
                .contains("RSA 2048");
    }

    @Test
    void csrPrintsPemOnStdoutAndTheKeyWaits() throws Exception {
        assertThat(cert(
                        "csr",
                        "--subject",
                        "/C=DE/ST=Hessen/L=Frankfurt/O=Bank/OU=IT/CN=mail.bank.example/emailAddress=it@bank.example",
                        "--key",
                        "ec256"))
                .isZero();

        assertThat(context().printed()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        Optional<BridgeCertificate> waiting =
                db.inTransaction(em -> new StoredBridgeCertificates(em).inState(CertificateState.PENDING_CSR));
        assertThat(waiting).isPresent();
    }

    @Test
    void importOfAPkcs12WithTheWrongPasswordOnStdinExitsOneWithTheReason() throws Exception {
        cert("self-signed");
        String before = line(context().printed(), "SHA-256:");
        TestPki pki = new TestPki();
        KeyPair keys = KeyKind.EC_P256.generate(TestPki.RANDOM);
        Path p12 = data.resolve("bridge.p12");
        Files.write(p12, TestPki.pkcs12(keys.getPrivate(), List.of(pki.server(keys, "mail.bank.example")), "right"));
        stdin = "wrong\n";

        assertThat(cert("import", p12.toString())).isEqualTo(OperatorCommand.REFUSED);

        assertThat(context().complained()).contains("The password does not open this PKCS#12 file.");
        cert("show");
        assertThat(line(context().printed(), "SHA-256:")).isEqualTo(before);
    }

    @Test
    void importOfAPkcs12WithAPasswordFileServesIt() throws Exception {
        TestPki pki = new TestPki();
        KeyPair keys = KeyKind.EC_P256.generate(TestPki.RANDOM);
        X509Certificate leaf = pki.server(keys, "other.bank.example");
        Path p12 = data.resolve("good.p12");
        Files.write(p12, TestPki.pkcs12(keys.getPrivate(), List.of(leaf, pki.intermediate, pki.root), "right"));
        Path password = data.resolve("password");
        Files.writeString(password, "right\n");

        assertThat(cert("import", p12.toString(), "--password-file", password.toString()))
                .isZero();

        assertThat(line(context().printed(), "SHA-256:")).isEqualTo(CertificateDetails.fingerprint(leaf));
        assertThat(context().complained()).contains("not the bridge's host name mail.bank.example");
    }

    @Test
    void rollbackWithNothingToRollBackIsRefused() throws Exception {
        cert("self-signed");

        assertThat(cert("rollback")).isEqualTo(OperatorCommand.REFUSED);
        assertThat(context().complained()).contains("There is no previous certificate to roll back to.");
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        assertThat(cert("self-signed", "--key", "dsa1024")).isEqualTo(OperatorCommand.USAGE);
        assertThat(cert("csr")).isEqualTo(OperatorCommand.USAGE);
        assertThat(cert("show", "extra")).isEqualTo(OperatorCommand.USAGE);
        assertThat(cert("frobnicate")).isEqualTo(OperatorCommand.USAGE);
        assertThat(cert("csr", "--subject", "/CN=localhost")).isEqualTo(OperatorCommand.REFUSED);
        assertThat(context().complained()).contains("fully qualified DNS name");
    }

    private static String line(String text, String label) {
        return text.lines()
                .filter(l -> l.strip().startsWith(label))
                .findFirst()
                .orElseThrow()
                .strip()
                .substring(label.length())
                .strip();
    }

    private TestOperatorContext context() {
        if (operator == null) {
            operator = new TestOperatorContext(
                    db,
                    data,
                    setting -> setting == Setting.SMTP_HOSTNAME ? Optional.of("mail.bank.example") : Optional.empty(),
                    () -> false);
        }
        return operator.typing(stdin);
    }
}
