package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.bridge.tls.BridgeKeyMaterial;

/**
 * Hot reload on the wire: after the key material is replaced, a new STARTTLS presents the new
 * certificate, while a session that was encrypted before finishes its mail on the old one.
 */
class CertificateHotReloadIT {

    @Test
    void newConnectionsSeeTheNewCertificateWhileASessionStartedBeforeFinishesOnTheOld() throws Exception {
        Path first = Files.createTempDirectory("sealpost-reload-a");
        Path second = Files.createTempDirectory("sealpost-reload-b");
        BridgeCertificates old = BridgeCertificates.loadOrGenerate(first, "localhost");
        BridgeCertificates renewed = BridgeCertificates.loadOrGenerate(second, "localhost");
        BridgeKeyMaterial material = BridgeKeyMaterial.of(old, null);
        RecordingSink sink = new RecordingSink();
        SSLContext client = trustingBoth(old.certificate(), renewed.certificate());
        try (MailBridge bridge = MailBridge.start(
                        BridgeSettings.builder()
                                .bindAddress("127.0.0.1")
                                .port(0)
                                .hostName("localhost")
                                .keyMaterial(material)
                                .build(),
                        sink);
                SmtpDialogue before = SmtpDialogue.connect(bridge.port()).secure(client)) {
            assertThat(fingerprint(before)).isEqualTo(old.sha256Fingerprint());
            assertThat(before.command("MAIL FROM:<sender@partner.example>").code())
                    .isEqualTo(250);

            material.replace(renewed);

            try (SmtpDialogue after = SmtpDialogue.connect(bridge.port()).secure(client)) {
                assertThat(fingerprint(after)).isEqualTo(renewed.sha256Fingerprint());
            }
            assertThat(before.command("RCPT TO:<alice@customer.example>").code())
                    .isEqualTo(250);
            assertThat(before.command("DATA").code()).isEqualTo(354);
            before.write(SmtpDialogue.dotStuffed(BridgeFixture.flaggedMessage("across the reload")));
            before.write(".\r\n");
            assertThat(before.read().code()).isEqualTo(250);
            assertThat(fingerprint(before)).isEqualTo(old.sha256Fingerprint());
        }
        assertThat(sink.messages()).hasSize(1);
        deleteTree(first);
        deleteTree(second);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String fingerprint(SmtpDialogue dialogue) throws Exception {
        X509Certificate peer =
                (X509Certificate) dialogue.tlsSocket().getSession().getPeerCertificates()[0];
        return HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(peer.getEncoded()));
    }

    private static SSLContext trustingBoth(X509Certificate a, X509Certificate b) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        List<X509Certificate> both = List.of(a, b);
        for (int i = 0; i < both.size(); i++) {
            store.setCertificateEntry("trusted-" + i, both.get(i));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
