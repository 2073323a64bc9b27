package org.sealpost.portal.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealpost.bridge.tls.BridgeCertificates;

/** The outbound transport against real SMTP servers on loopback: TLS or nothing. */
class SmarthostTransportIT {

    @TempDir
    Path dir;

    private LoopbackSmarthost smarthost;
    private GreenMail plainServer;

    @AfterEach
    void stopServers() {
        if (smarthost != null) {
            smarthost.close();
        }
        if (plainServer != null) {
            plainServer.stop();
        }
    }

    @Test
    void deliversOverStartTlsToASmarthostWhoseCertificateVerifies() throws Exception {
        BridgeCertificates certs = BridgeCertificates.loadOrGenerate(dir.resolve("smarthost"), "localhost");
        startTlsSmarthost(certs);
        SmarthostTransport transport = new SmarthostTransport(
                "localhost",
                smarthost.port(),
                Optional.of(trustStoreWith(certs, "trusted.p12")),
                LoopbackSmarthost.TRUST_PASSWORD);

        transport.send(message(transport, "Hello over TLS"), "anna@client.example");

        assertThat(smarthost.received()).singleElement().satisfies(m -> {
            assertThat(m.recipients()).containsExactly("anna@client.example");
            assertThat(m.tlsProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(new String(m.rawMime())).contains("Hello over TLS");
        });
    }

    @Test
    void aSmarthostWithoutStartTlsGetsNothingNotEvenInPlainText() throws Exception {
        plainServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        plainServer.start();
        int port = plainServer.getSmtp().getPort();
        BridgeCertificates anyCerts = BridgeCertificates.loadOrGenerate(dir.resolve("any"), "localhost");
        SmarthostTransport transport = new SmarthostTransport(
                "127.0.0.1", port, Optional.of(trustStoreWith(anyCerts, "any.p12")), LoopbackSmarthost.TRUST_PASSWORD);

        assertThatThrownBy(() -> transport.send(message(transport, "must not leak"), "anna@client.example"))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("STARTTLS");
        assertThat(plainServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSmarthostWithAnUntrustedCertificateIsRefusedAtTheHandshake() throws Exception {
        startTlsSmarthost(BridgeCertificates.loadOrGenerate(dir.resolve("smarthost"), "localhost"));
        BridgeCertificates stranger = BridgeCertificates.loadOrGenerate(dir.resolve("stranger"), "localhost");
        SmarthostTransport transport = new SmarthostTransport(
                "localhost",
                smarthost.port(),
                Optional.of(trustStoreWith(stranger, "stranger.p12")),
                LoopbackSmarthost.TRUST_PASSWORD);

        assertThatThrownBy(() -> transport.send(message(transport, "x"), "anna@client.example"))
                .isInstanceOf(MessagingException.class)
                .hasStackTraceContaining("PKIX");
        assertThat(smarthost.received()).isEmpty();
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() throws Exception {
        BridgeCertificates otherName =
                BridgeCertificates.loadOrGenerate(dir.resolve("other"), "smarthost.bank.example");
        startTlsSmarthost(otherName);
        SmarthostTransport transport = new SmarthostTransport(
                "localhost",
                smarthost.port(),
                Optional.of(trustStoreWith(otherName, "other.p12")),
                LoopbackSmarthost.TRUST_PASSWORD);

        assertThatThrownBy(() -> transport.send(message(transport, "x"), "anna@client.example"))
                .isInstanceOf(MessagingException.class)
                .hasStackTraceContaining("localhost");
        assertThat(smarthost.received()).isEmpty();
    }

    @Test
    void aRelayedMessageArrivesOverTlsByteForByteWithItsMessageIdAndThreading() throws Exception {
        BridgeCertificates certs = BridgeCertificates.loadOrGenerate(dir.resolve("smarthost"), "localhost");
        startTlsSmarthost(certs);
        SmarthostTransport transport = new SmarthostTransport(
                "localhost",
                smarthost.port(),
                Optional.of(trustStoreWith(certs, "trusted.p12")),
                LoopbackSmarthost.TRUST_PASSWORD);
        byte[] reply = String.join(
                        "\r\n",
                        "From: \"anna@client.example via Sealpost\" <portal@bank.example>",
                        "Reply-To: anna@client.example",
                        "To: bob@bank.example",
                        "Subject: Re: Quarterly figures",
                        "Message-ID: <4a7c@portal.bank.example>",
                        "In-Reply-To: <orig-1@bank.example>",
                        "References: <root@bank.example> <orig-1@bank.example>",
                        "MIME-Version: 1.0",
                        "Content-Type: text/plain; charset=UTF-8",
                        "",
                        "Thanks, Bob.",
                        "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        transport.relay(reply, "bob@bank.example");

        assertThat(smarthost.received()).singleElement().satisfies(m -> {
            assertThat(m.recipients()).containsExactly("bob@bank.example");
            assertThat(m.tlsProtocol()).isIn("TLSv1.3", "TLSv1.2");
            String arrived = new String(m.rawMime(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(arrived)
                    .contains(
                            "Message-ID: <4a7c@portal.bank.example>\r\n",
                            "In-Reply-To: <orig-1@bank.example>\r\n",
                            "References: <root@bank.example> <orig-1@bank.example>\r\n",
                            "\r\n\r\nThanks, Bob.");
        });
    }

    private void startTlsSmarthost(BridgeCertificates certs) {
        smarthost = LoopbackSmarthost.start(certs);
    }

    private Path trustStoreWith(BridgeCertificates certs, String name) throws Exception {
        return LoopbackSmarthost.trustStore(certs, dir.resolve(name));
    }

    private static MimeMessage message(SmarthostTransport transport, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(transport.session());
        m.setFrom("portal@sealpost.example");
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, "anna@client.example");
        m.setSubject("test");
        m.setText(text);
        return m;
    }
}
