package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mandatory STARTTLS on the wire: what EHLO says before and after, what is refused in clear. */
class StartTlsIT {

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
    void bannerNamesSealpostAsTheSoftware() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            assertThat(smtp.greeting().line()).isEqualTo("220 localhost ESMTP Sealpost");
        }
    }

    @Test
    void ehloBeforeTlsAdvertisesStartTlsSizeEightBitMimePipeliningAndEnhancedStatusCodes() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            SmtpReplyLines ehlo = smtp.command("EHLO client.example");

            assertThat(ehlo.code()).isEqualTo(250);
            assertThat(ehlo.lines().get(0)).isEqualTo("250-localhost");
            assertThat(ehlo.ehloKeywords())
                    .containsExactlyInAnyOrder(
                            "STARTTLS",
                            "SIZE " + BridgeSettings.DEFAULT_MAX_MESSAGE_BYTES,
                            "8BITMIME",
                            "PIPELINING",
                            "ENHANCEDSTATUSCODES");
        }
    }

    @Test
    void ehloAfterStartTlsNoLongerAdvertisesStartTls() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("EHLO client.example");
            assertThat(smtp.command("STARTTLS").line()).isEqualTo("220 2.0.0 Ready to start TLS");
            smtp.upgrade(fixture.clientContext(), socket -> {});

            SmtpReplyLines ehlo = smtp.command("EHLO client.example");

            assertThat(ehlo.ehloKeywords())
                    .doesNotContain("STARTTLS")
                    .contains(
                            "SIZE " + BridgeSettings.DEFAULT_MAX_MESSAGE_BYTES,
                            "8BITMIME",
                            "PIPELINING",
                            "ENHANCEDSTATUSCODES");
        }
    }

    @Test
    void mailBeforeStartTlsIsRefusedWith530() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("EHLO client.example");

            assertThat(smtp.command("MAIL FROM:<sender@partner.example>").line())
                    .isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RCPT TO:<alice@customer.example>", "DATA", "VRFY alice", "HELP", "BDAT 10 LAST"})
    void otherTransactionCommandsBeforeStartTlsAreRefusedWith530(String command) throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("EHLO client.example");

            assertThat(smtp.command(command).line()).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
        }
    }

    @Test
    void greetingAndHousekeepingWorkBeforeStartTls() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            assertThat(smtp.command("HELO client.example").line()).isEqualTo("250 localhost");
            assertThat(smtp.command("NOOP").line()).isEqualTo("250 2.0.0 Ok");
            assertThat(smtp.command("RSET").line()).isEqualTo("250 2.0.0 Ok");
            assertThat(smtp.command("QUIT").line()).isEqualTo("221 2.0.0 Bye");
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    @Test
    void mailRightAfterTlsHandshakeNeedsAFreshEhlo() throws IOException {
        // RFC 3207 §4.2: the handshake resets the session, the client must greet again.
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("EHLO client.example");
            smtp.command("STARTTLS");
            smtp.upgrade(fixture.clientContext(), socket -> {});

            assertThat(smtp.command("MAIL FROM:<sender@partner.example>").line())
                    .isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
        }
    }

    @Test
    void secondStartTlsInsideTlsIsRefused() throws IOException {
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("STARTTLS").line()).isEqualTo("503 5.5.1 TLS already active");
        }
    }

    @Test
    void plaintextPipelinedBehindStartTlsIsNotExecutedInsideTls() throws IOException {
        // CVE-2011-0411: "STARTTLS\r\nRSET\r\n" in one segment; a vulnerable server answers the
        // RSET after the handshake as if the client had sent it encrypted.
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.command("EHLO client.example");
            smtp.write("STARTTLS\r\nRSET\r\n");
            assertThat(smtp.read().line()).isEqualTo("220 2.0.0 Ready to start TLS");
            smtp.upgrade(fixture.clientContext(), socket -> {});

            // The first reply inside TLS must be the one to our EHLO, not a "250 2.0.0 Ok" for the
            // injected RSET; and after it, the QUIT reply comes next, nothing in between.
            SmtpReplyLines first = smtp.command("EHLO client.example");
            assertThat(first.lines().get(0)).isEqualTo("250-localhost");
            assertThat(smtp.command("QUIT").line()).isEqualTo("221 2.0.0 Bye");
        }
    }

    @Test
    void commandsAreMatchedOnTheWholeVerb() throws IOException {
        // SubEthaSMTP dispatches on the first four letters; "QUITX" must not close the session.
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("QUITX").line()).isEqualTo("500 5.5.2 Error: command not recognized");
            assertThat(smtp.command("NOOP").line()).isEqualTo("250 2.0.0 Ok");
        }
    }
}
