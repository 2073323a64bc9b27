package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Who may talk to the bridge: the CIDR allow-list and, optionally, a client certificate. */
class ClientAccessIT {

    @Test
    void clientOutsideTheAllowListIsRefusedWith554AtConnect() throws IOException {
        // We connect from 127.0.0.1 and allow only 10.0.0.0/8: no traffic ever leaves loopback.
        try (BridgeFixture fixture = BridgeFixture.start(settings -> settings.allowedClients(List.of("10.0.0.0/8")));
                SmtpDialogue smtp = fixture.connect()) {
            assertThat(smtp.greeting().line())
                    .isEqualTo("554 5.7.1 Client host [127.0.0.1] is not allowed to use this mail bridge");
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    @Test
    void clientInsideAnExplicitAllowListIsGreeted() throws IOException {
        try (BridgeFixture fixture = BridgeFixture.start(
                        settings -> settings.allowedClients(List.of("10.0.0.0/8", "127.0.0.1/32")));
                SmtpDialogue smtp = fixture.connect()) {
            assertThat(smtp.greeting().code()).isEqualTo(220);
        }
    }

    @Test
    void withClientCertificateRequiredAHandshakeWithoutCertificateFails() throws Exception {
        TestCertificates.ClientIdentity gateway = TestCertificates.clientIdentity("gateway.customer.example");
        try (BridgeFixture fixture = BridgeFixture.start(
                settings -> settings.requireClientCertificate(true).clientTrustStore(trustStoreOf(gateway)))) {
            assertThat(attemptTransaction(fixture, fixture.clientContext())).isFalse();
            assertThat(fixture.sink().messages()).isEmpty();
        }
    }

    @Test
    void withClientCertificateRequiredAnUntrustedCertificateFails() throws Exception {
        TestCertificates.ClientIdentity gateway = TestCertificates.clientIdentity("gateway.customer.example");
        TestCertificates.ClientIdentity stranger = TestCertificates.clientIdentity("gateway.customer.example");
        try (BridgeFixture fixture = BridgeFixture.start(
                settings -> settings.requireClientCertificate(true).clientTrustStore(trustStoreOf(gateway)))) {
            SSLContext strangerContext =
                    TestCertificates.trusting(fixture.certificates().certificate(), stranger);

            assertThat(attemptTransaction(fixture, strangerContext)).isFalse();
        }
    }

    @Test
    void withClientCertificateRequiredTheTrustedGatewayDelivers() throws Exception {
        TestCertificates.ClientIdentity gateway = TestCertificates.clientIdentity("gateway.customer.example");
        try (BridgeFixture fixture = BridgeFixture.start(
                settings -> settings.requireClientCertificate(true).clientTrustStore(trustStoreOf(gateway)))) {
            SSLContext gatewayContext =
                    TestCertificates.trusting(fixture.certificates().certificate(), gateway);

            assertThat(attemptTransaction(fixture, gatewayContext)).isTrue();
            assertThat(fixture.sink().messages()).hasSize(1);
        }
    }

    @Test
    void clientTrustStoreIsRequiredWhenClientCertificatesAre() {
        assertThatThrownBy(() -> BridgeFixture.start(settings -> settings.requireClientCertificate(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientTrustStore");
    }

    private static KeyStore trustStoreOf(TestCertificates.ClientIdentity identity) {
        try {
            return identity.asTrustStore();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Tries STARTTLS and a whole transaction. With TLS 1.3 the server checks the client
     * certificate after the client considers the handshake done, so a refusal may surface at the
     * handshake or at the first read; either way no 250 for the message.
     */
    private static boolean attemptTransaction(BridgeFixture fixture, SSLContext clientContext) throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("EHLO client.example");
            assertThat(smtp.command("STARTTLS").code()).isEqualTo(220);
            try {
                smtp.upgrade(clientContext, socket -> {});
                smtp.command("EHLO client.example");
                return smtp.send(
                                        "sender@partner.example",
                                        List.of("alice@customer.example"),
                                        BridgeFixture.flaggedMessage("client certificate"))
                                .code()
                        == 250;
            } catch (IOException refused) {
                return false;
            }
        }
    }
}
