package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.security.Security;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS 1.1 and 1.0 are refused by the bridge itself.
 *
 * <p>The honest way to show that: the JDK disables TLS 1.0/1.1 by default
 * ({@code jdk.tls.disabledAlgorithms}) in the client and the server alike, so in a normal JVM a
 * TLS 1.1 attempt fails before the bridge's policy is ever consulted and such a test would pass
 * even if the bridge enabled every protocol (as SubEthaSMTP's default STARTTLS factory does).
 * Failsafe therefore runs this class alone in its own JVM with the legacy protocols re-enabled
 * ({@code src/test/legacy-tls.security}, execution {@code legacy-tls} in pom.xml). A control test
 * shows that in this JVM a plain JDK server with the bridge's own key does accept TLS 1.1; the
 * bridge, same JVM, same key, refuses it.
 */
class LegacyTlsIT {

    private static BridgeFixture fixture;

    @BeforeAll
    static void startBridgeInAJvmThatAllowsLegacyTls() throws IOException {
        assertThat(Security.getProperty("jdk.tls.disabledAlgorithms"))
                .as("LegacyTlsIT must run in Failsafe's legacy-tls execution (see pom.xml)")
                .doesNotContain("TLSv1.1");
        fixture = BridgeFixture.start();
    }

    @AfterAll
    static void stopBridge() throws IOException {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void controlAPlainJdkServerInThisJvmAcceptsTls11() throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) fixture.certificates()
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> serverSide = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.startHandshake();
                    return accepted.getSession().getProtocol();
                } catch (IOException e) {
                    return e.toString();
                }
            });
            try (SSLSocket client = (SSLSocket) fixture.clientContext()
                    .getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.setEnabledProtocols(new String[] {"TLSv1.1"});
                client.startHandshake();

                assertThat(client.getSession().getProtocol()).isEqualTo("TLSv1.1");
            }
            assertThat(serverSide.get(15, TimeUnit.SECONDS)).isEqualTo("TLSv1.1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.1", "TLSv1"})
    void legacyProtocolClientIsRefusedByTheBridgeAtHandshake(String protocol) throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("EHLO client.example");
            assertThat(smtp.command("STARTTLS").code()).isEqualTo(220);

            assertThatThrownBy(() -> smtp.upgrade(
                            fixture.clientContext(), socket -> socket.setEnabledProtocols(new String[] {protocol})))
                    .isInstanceOf(SSLException.class)
                    // The protocol itself is refused, not merely the CBC suites TLS 1.1 comes with.
                    .hasMessageContaining("protocol_version");
        }
        assertThat(fixture.bridge().isRunning()).isTrue();
    }

    @Test
    void tls12ClientStillSucceedsInThisJvm() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("STARTTLS");
            SSLSocket tls = smtp.upgrade(
                    fixture.clientContext(),
                    socket -> socket.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.1", "TLSv1"}));

            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }
}
