package org.sealpost.portal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.bridge.BridgeSettings;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.MailBridge;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.tls.BridgeCertificates;
import org.sealpost.portal.PortalJpa;
import org.sealpost.portal.crypto.KeyEncryptionKeys;
import org.sealpost.portal.crypto.MessageSealer;

/**
 * On the wire, the way an operator sees it with {@code openssl s_client -starttls smtp}: after a
 * PKCS#12 import into the database and one poll, a new connection gets the imported
 * certificate, while an SMTP session that was encrypted before the import finishes its mail on
 * the old one.
 */
class CertificateReloadIT {

    @TempDir
    static Path dir;

    private static PortalJpa db;
    private static MessageSealer sealer;

    @BeforeAll
    static void database() {
        db = PortalJpa.create("certificate-reload");
        sealer = new MessageSealer(KeyEncryptionKeys.openOrCreate(dir.resolve("kek.p12"), "pw".toCharArray()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private <T> T desk(Work<T> work) throws Exception {
        return db.inTransaction(em -> work.run(new BridgeCertificateDesk(em, sealer, Clock.systemUTC(), "localhost")));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(BridgeCertificateDesk desk) throws Exception;
    }

    @Test
    void anImportReachesNewConnectionsAfterOnePollWhileASessionInFlightFinishesOnTheOldCertificate() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM bridge_certificate");
        }
        BridgeCertificates original = BridgeCertificates.loadOrGenerate(dir.resolve("data"), "localhost");
        desk(d -> d.adopt(original, "system"));
        ServedCertificate served =
                new ServedCertificate(desk(BridgeCertificateDesk::servedKey).orElseThrow(), null);
        List<InboundMessage> received = new CopyOnWriteArrayList<>();
        try (MailBridge bridge = MailBridge.start(
                        BridgeSettings.builder()
                                .port(0)
                                .hostName("localhost")
                                .acceptUnflagged(true)
                                .internalDomains(Set.of())
                                .keyMaterial(served.material())
                                .build(),
                        m -> {
                            received.add(m);
                            return SinkVerdict.accepted();
                        });
                Dialogue before = Dialogue.secure(bridge.port())) {
            assertThat(before.fingerprint()).isEqualTo(original.sha256Fingerprint());
            assertThat(before.command("MAIL FROM:<advisor@bank.example>")).startsWith("250");

            TestPki pki = new TestPki();
            KeyPair keys = KeyKind.RSA_2048.generate(TestPki.RANDOM);
            X509Certificate issued = pki.server(keys, "localhost");
            byte[] p12 = TestPki.pkcs12(keys.getPrivate(), List.of(issued, pki.intermediate, pki.root), "import me");
            desk(d -> d.importPkcs12(p12, "import me".toCharArray(), "operator:test"));

            try (Dialogue notYetPolled = Dialogue.secure(bridge.port())) {
                assertThat(notYetPolled.fingerprint()).isEqualTo(original.sha256Fingerprint());
            }
            // One poll, as BridgeService runs it every few seconds.
            java.util.Optional<BridgeCertificateDesk.ServedKey> current = desk(BridgeCertificateDesk::servedKey);
            assertThat(served.follow(desk(BridgeCertificateDesk::currentId), () -> current))
                    .isPresent();
            try (Dialogue after = Dialogue.secure(bridge.port())) {
                assertThat(after.fingerprint()).isEqualTo(CertificateDetails.fingerprint(issued));
                assertThat(after.chainLength()).isEqualTo(3);
            }

            assertThat(before.command("RCPT TO:<anna@client.example>")).startsWith("250");
            assertThat(before.command("DATA")).startsWith("354");
            assertThat(before.command("Subject: in flight\r\n\r\nsent across the import\r\n."))
                    .startsWith("250");
            assertThat(before.fingerprint()).isEqualTo(original.sha256Fingerprint());
        }
        assertThat(received).hasSize(1);
    }

    /** A minimal SMTP client that trusts any certificate: it only looks at which one it got. */
    private static final class Dialogue implements AutoCloseable {

        private final SSLSocket tls;
        private final BufferedReader in;
        private final OutputStream out;

        private Dialogue(SSLSocket tls) throws IOException {
            this.tls = tls;
            this.in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            this.out = tls.getOutputStream();
        }

        static Dialogue secure(int port) throws Exception {
            Socket plain = new Socket("127.0.0.1", port);
            plain.setSoTimeout(15_000);
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(plain.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = plain.getOutputStream();
            reply(in);
            out.write("EHLO gateway.bank.example\r\n".getBytes(StandardCharsets.US_ASCII));
            reply(in);
            out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            reply(in);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost", port, true);
            tls.startHandshake();
            Dialogue dialogue = new Dialogue(tls);
            dialogue.command("EHLO gateway.bank.example");
            return dialogue;
        }

        String command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply(in);
        }

        String fingerprint() throws Exception {
            return CertificateDetails.fingerprint(
                    (X509Certificate) tls.getSession().getPeerCertificates()[0]);
        }

        int chainLength() throws Exception {
            return tls.getSession().getPeerCertificates().length;
        }

        private static String reply(BufferedReader in) throws IOException {
            String line;
            do {
                line = in.readLine();
            } while (line != null && line.length() > 3 && line.charAt(3) == '-');
            return line;
        }

        @Override
        public void close() throws IOException {
            tls.close();
        }
    }

    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
