package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What TLS the bridge negotiates. TLS 1.1 and older are covered by {@link LegacyTlsIT}, which
 * needs a JVM in which the JDK itself still allows them.
 */
class TlsProtocolIT {

    private static BridgeFixture fixture;

    @BeforeAll
    static void startBridge() throws IOException {
        fixture = BridgeFixture.start();
    }

    @AfterAll
    static void stopBridge() throws IOException {
        fixture.close();
    }

    @Test
    void tls13IsNegotiatedWithTheStrongestSuite() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("STARTTLS");
            SSLSocket tls = smtp.upgrade(fixture.clientContext(), socket -> {});

            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(tls.getSession().getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
            assertThat(smtp.command("EHLO client.example").code()).isEqualTo(250);
        }
    }

    @Test
    void tls12ClientGetsAnEcdheAeadSuite() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("STARTTLS");
            SSLSocket tls = smtp.upgrade(
                    fixture.clientContext(), socket -> socket.setEnabledProtocols(new String[] {"TLSv1.2"}));

            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(tls.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
            assertThat(smtp.command("EHLO client.example").code()).isEqualTo(250);
        }
    }

    @Test
    void serverPrefersItsOwnCipherSuiteOrderOverTheClients() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("STARTTLS");
            SSLSocket tls = smtp.upgrade(
                    fixture.clientContext(),
                    socket -> socket.setEnabledCipherSuites(new String[] {
                        "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384"
                    }));

            assertThat(tls.getSession().getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
        }
    }

    @Test
    void tls12ClientOfferingOnlyCbcSuitesIsRefusedAtHandshake() throws IOException {
        // The JDK's client still offers these by default; only the bridge's policy refuses them.
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("STARTTLS");

            assertThatThrownBy(() -> smtp.upgrade(fixture.clientContext(), socket -> {
                        socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                        socket.setEnabledCipherSuites(new String[] {
                            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"
                        });
                    }))
                    .isInstanceOf(SSLException.class);
        }
    }

    @Test
    void failedHandshakeDoesNotHurtTheNextClient() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("STARTTLS");
            smtp.write("this is not a TLS ClientHello\r\n");
            assertThat(smtp.closedByServer()).isTrue();
        }
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("NOOP").line()).isEqualTo("250 2.0.0 Ok");
        }
    }
}
