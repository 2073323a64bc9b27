package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Size, recipient, connection and time limits on the wire. */
class LimitsIT {

    private static final long MAX_BYTES = 64 * 1024;

    private BridgeFixture fixture;

    @BeforeEach
    void startBridge() throws IOException {
        fixture = BridgeFixture.start(settings -> settings.maxMessageBytes(MAX_BYTES)
                .maxRecipients(2)
                .internalDomains(Set.of("Customer.Internal"))
                .reservedDomains(Set.of("warm-up.invalid")));
    }

    @AfterEach
    void stopBridge() throws IOException {
        fixture.close();
    }

    @Test
    void declaredSizeOverTheLimitIsRefusedWith552AtMail() throws IOException {
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("MAIL FROM:<sender@partner.example> SIZE=" + (MAX_BYTES + 1))
                            .line())
                    .startsWith("552 5.3.4 ");
            assertThat(smtp.command("MAIL FROM:<sender@partner.example> SIZE=" + MAX_BYTES)
                            .line())
                    .isEqualTo("250 2.1.0 Ok");
        }
    }

    @Test
    void declaredSizeIsCheckedAlsoWhenOtherParametersFollowIt() throws IOException {
        // What Postfix sends; SubEthaSMTP's own MAIL ignores SIZE unless it comes last.
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("MAIL FROM:<sender@partner.example> SIZE=99999999999999999999 BODY=8BITMIME")
                            .line())
                    .startsWith("552 5.3.4 ");
        }
    }

    @Test
    void oversizedDataWithoutDeclaredSizeIsRefusedWith552AndNotStored() throws IOException {
        byte[] big = new byte[(int) MAX_BYTES * 4];
        Arrays.fill(big, (byte) 'x');
        for (int i = 100; i < big.length; i += 100) {
            big[i - 1] = '\r';
            big[i] = '\n';
        }
        byte[] header = (BridgeFixture.FLAG + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, big, 0, header.length);

        try (SmtpDialogue smtp = fixture.connectSecure()) {
            SmtpReplyLines reply = smtp.send("sender@partner.example", List.of("alice@customer.example"), big);

            assertThat(reply.line()).startsWith("552 5.3.4 ");
            // The whole message was consumed: the session is still in step.
            assertThat(smtp.command("NOOP").line()).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(fixture.sink().messages()).isEmpty();
    }

    @Test
    void messageOfExactlyTheLimitIsAccepted() throws IOException {
        byte[] header = (BridgeFixture.FLAG + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[(int) MAX_BYTES];
        Arrays.fill(message, (byte) 'y');
        System.arraycopy(header, 0, message, 0, header.length);
        message[message.length - 2] = '\r';
        message[message.length - 1] = '\n';

        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.send("sender@partner.example", List.of("exact@customer.example"), message)
                            .code())
                    .isEqualTo(250);
        }
        assertThat(fixture.sink().onlyMessage().recipients()).containsExactly("exact@customer.example");
    }

    @Test
    void recipientInAnInternalDomainIsRefusedWith550() throws IOException {
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            smtp.command("MAIL FROM:<sender@partner.example>");

            assertThat(smtp.command("RCPT TO:<colleague@CUSTOMER.internal>").line())
                    .startsWith("550 5.7.1 ")
                    .contains("internal recipients are served by the gateway directly");
            // Only the exact domain is internal.
            assertThat(smtp.command("RCPT TO:<someone@sub.customer.internal>").line())
                    .isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void recipientInAReservedDomainIsRefusedWith550AndTheMessageGoesToTheOthers() throws IOException {
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            smtp.command("MAIL FROM:<sender@partner.example>");

            assertThat(smtp.command("RCPT TO:<someone@Warm-Up.INVALID>").line())
                    .isEqualTo("550 5.1.2 Recipient domain warm-up.invalid is reserved for the portal's own use"
                            + " and receives no mail");
            assertThat(smtp.command("RCPT TO:<alice@customer.example>").line()).isEqualTo("250 2.1.5 Ok");
            assertThat(smtp.data(BridgeFixture.flaggedMessage("reserved")).code())
                    .isEqualTo(250);
        }
        assertThat(fixture.sink().onlyMessage().recipients()).containsExactly("alice@customer.example");
    }

    @Test
    void recipientsBeyondTheLimitAreAnswered452AndTheMessageGoesToTheOthers() throws IOException {
        List<String> replies = new ArrayList<>();
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            smtp.command("MAIL FROM:<sender@partner.example>");
            for (String recipient : List.of("r1@customer.example", "r2@customer.example", "r3@customer.example")) {
                replies.add(smtp.command("RCPT TO:<" + recipient + ">").line());
            }
            assertThat(smtp.data(BridgeFixture.flaggedMessage("limited")).code())
                    .isEqualTo(250);
        }

        assertThat(replies).containsExactly("250 2.1.5 Ok", "250 2.1.5 Ok", "452 4.5.3 Too many recipients");
        assertThat(fixture.sink().onlyMessage().recipients())
                .containsExactly("r1@customer.example", "r2@customer.example");
    }

    @Test
    void malformedAddressesAreRefusedWithAClearReply() throws IOException {
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("MAIL FROM:<not an address>").line()).startsWith("553 5.1.7 ");
            assertThat(smtp.command("MAIL <sender@partner.example>").line()).startsWith("501 5.5.4 Syntax: MAIL FROM:");
            assertThat(smtp.command("MAIL FROM:<sender@partner.example>").line())
                    .isEqualTo("250 2.1.0 Ok");
            assertThat(smtp.command("RCPT TO:<alice@@customer.example>").line()).startsWith("553 5.1.3 ");
            assertThat(smtp.command("RCPT TO:<>").line()).startsWith("553 5.1.3 ");
            assertThat(smtp.command("RCPT alice@customer.example").line()).startsWith("501 5.5.4 Syntax: RCPT TO:");
            assertThat(smtp.command("RCPT TO:<alice@customer.example> NOTIFY=NEVER")
                            .line())
                    .startsWith("555 5.5.4 ");
            assertThat(smtp.command("DATA").line()).isEqualTo("554 5.5.1 Error: no valid recipients");
        }
    }

    @Test
    void idleConnectionIsClosedAfterTheTimeout() throws IOException {
        try (BridgeFixture impatient = BridgeFixture.start(settings -> settings.idleTimeout(Duration.ofMillis(500)));
                SmtpDialogue smtp = impatient.connect()) {
            long start = System.nanoTime();

            assertThat(smtp.read().code()).isEqualTo(421);
            assertThat(smtp.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void connectionsBeyondTheLimitAreAnswered421() throws IOException {
        try (BridgeFixture small = BridgeFixture.start(settings -> settings.maxConnections(2));
                SmtpDialogue first = small.connect();
                SmtpDialogue second = small.connect();
                SmtpDialogue third = small.connect()) {
            assertThat(first.greeting().code()).isEqualTo(220);
            assertThat(second.greeting().code()).isEqualTo(220);
            assertThat(third.greeting().code()).isEqualTo(421);
        }
    }
}
