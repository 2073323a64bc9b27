package org.sealpost.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.outbound.LoopbackSmarthost;
import org.sealpost.portal.outbound.SmarthostTransport;

/** Imported smarthost trust anchors against PostgreSQL and a real STARTTLS smarthost on loopback. */
class SmarthostTrustIT {

    @TempDir
    static Path dir;

    private static PortalJpa db;
    private static LoopbackSmarthost smarthost;
    private static BridgeCertificates smarthostCertificate;

    @BeforeAll
    static void start() {
        db = PortalJpa.create("smarthost-trust");
        smarthostCertificate = BridgeCertificates.loadOrGenerate(dir.resolve("smarthost"), "localhost");
        smarthost = LoopbackSmarthost.start(smarthostCertificate);
    }

    @AfterAll
    static void stop() {
        smarthost.close();
        db.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM smarthost_trust_anchor");
            s.executeUpdate("DELETE FROM smarthost_tls_session");
        }
    }

    private <T> T desk(Work<T> work) throws Exception {
        return db.inTransaction(em -> work.run(new SmarthostTrustDesk(em, Clock.systemUTC())));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(SmarthostTrustDesk desk) throws Exception;
    }

    @Test
    void anImportedAnchorIsTrustedAndTheHandshakeIsRecorded() throws Exception {
        String pem = CertificateFiles.toPem(List.of(smarthostCertificate.certificate()));
        String before = desk(SmarthostTrustDesk::version);

        List<CertificateDetails> added = desk(d -> d.importAnchors(pem, "admin"));

        assertThat(added)
                .extracting(CertificateDetails::sha256Fingerprint)
                .containsExactly(smarthostCertificate.sha256Fingerprint());
        assertThat(desk(SmarthostTrustDesk::version)).isNotEqualTo(before);
        KeyStore anchors = desk(SmarthostTrustDesk::trustStore).orElseThrow();
        SmarthostTransport transport = new SmarthostTransport("localhost", smarthost.port(), anchors);
        transport.send(mail(transport.session()), "anna@client.example");

        assertThat(smarthost.received()).isNotEmpty();
        SmarthostTransport.Handshake handshake = transport.lastHandshake().orElseThrow();
        assertThat(handshake.protocol()).isIn("TLSv1.3", "TLSv1.2");
        assertThat(handshake.cipherSuite()).startsWith("TLS_");
        desk(d -> {
            d.recordSession(new SmarthostTlsSessions.SessionSeen(
                    handshake.protocol(), handshake.cipherSuite(), handshake.peerSubject(), handshake.at()));
            return null;
        });
        SmarthostTlsSessions.SessionSeen seen =
                desk(SmarthostTrustDesk::lastSession).orElseThrow();
        assertThat(seen.protocol()).isEqualTo(handshake.protocol());
        assertThat(seen.cipherSuite()).isEqualTo(handshake.cipherSuite());
        assertThat(seen.peerSubject()).contains("CN=localhost");
    }

    @Test
    void aSmarthostNotChainingToTheAnchorsIsRefused() throws Exception {
        TestPki pki = new TestPki();
        desk(d -> d.importAnchors(CertificateFiles.toPem(List.of(pki.root)), "admin"));
        SmarthostTransport transport = new SmarthostTransport(
                "localhost",
                smarthost.port(),
                desk(SmarthostTrustDesk::trustStore).orElseThrow());

        assertThatThrownBy(() -> transport.send(mail(transport.session()), "anna@client.example"))
                .isInstanceOf(MessagingException.class);
    }

    @Test
    void anExpiredAnchorIsRefusedAndNothingIsAdded() throws Exception {
        KeyPair keys = KeyKind.EC_P256.generate(TestPki.RANDOM);
        Instant now = Instant.now();
        String expired = CertificateFiles.toPem(List.of(
                TestPki.issue(
                        new X500Name("CN=Old CA"),
                        keys,
                        new X500Name("CN=Old CA"),
                        keys.getPrivate(),
                        now.minus(Duration.ofDays(400)),
                        now.minus(Duration.ofDays(1)),
                        true,
                        List.of()),
                smarthostCertificate.certificate()));

        assertThatThrownBy(() -> desk(d -> d.importAnchors(expired, "admin")))
                .isInstanceOfSatisfying(
                        CertificateRefusedException.class,
                        e -> assertThat(e.problem()).isEqualTo(CertificateProblem.EXPIRED));
        Optional<KeyStore> none = desk(SmarthostTrustDesk::trustStore);
        assertThat(none).isEmpty();
    }

    @Test
    void importingTheSameAnchorTwiceAddsItOnce() throws Exception {
        String pem = CertificateFiles.toPem(List.of(smarthostCertificate.certificate()));
        desk(d -> d.importAnchors(pem, "admin"));

        List<CertificateDetails> again = desk(d -> d.importAnchors(pem + pem, "admin"));

        assertThat(again).isEmpty();
        assertThat(desk(SmarthostTrustDesk::anchors)).hasSize(1);
        assertThat(this.<Boolean>desk(d -> d.remove(smarthostCertificate.sha256Fingerprint(), "admin")))
                .isTrue();
        assertThat(desk(SmarthostTrustDesk::anchors)).isEmpty();
    }

    private static MimeMessage mail(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("no-reply@bank.example"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("anna@client.example"));
        message.setSubject("trust");
        message.setText("hello");
        return message;
    }
}
