package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A message's way through the bridge to the sink, and how the sink's verdict becomes the reply. */
class MessageDeliveryIT {

    private BridgeFixture fixture;

    @BeforeEach
    void startBridge() throws IOException {
        fixture = BridgeFixture.start();
    }

    @AfterEach
    void stopBridge() throws IOException {
        fixture.close();
    }

    @Test
    void jakartaMailDeliversAFlaggedMessageOverMandatoryStartTls() throws MessagingException {
        Session session = Session.getInstance(fixture.jakartaMailProperties());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender@partner.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@customer.example"));
        message.setSubject("Quarterly figures");
        message.setText("Please find the figures attached.");
        message.setHeader("X-Sealpost-Encrypt", "yes");

        Transport.send(message);

        InboundMessage received = fixture.sink().onlyMessage();
        assertThat(received.reversePath()).isEqualTo("sender@partner.example");
        assertThat(received.recipients()).containsExactly("alice@customer.example");
        assertThat(received.tlsProtocol()).isEqualTo("TLSv1.3");
        String raw = new String(received.rawMime(), StandardCharsets.ISO_8859_1);
        assertThat(raw)
                .startsWith("Received: from client.example ([127.0.0.1])")
                .contains("Subject: Quarterly figures", "X-Sealpost-Encrypt: yes", "Please find the figures attached.");
    }

    @Test
    void sinkGetsTheExactBytesTheEnvelopeAndOurReceivedHeader() throws IOException {
        byte[] message = BridgeFixture.flaggedMessage("exact bytes");
        Instant before = Instant.now();
        SmtpReplyLines reply;
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            reply = smtp.send(
                    "sender@partner.example", List.of("alice@customer.example", "bob@customer.example"), message);
        }

        assertThat(reply.line()).matches("250 2\\.0\\.0 Ok: queued as [0-9a-f]{20}");
        InboundMessage received = fixture.sink().onlyMessage();
        assertThat(received.reversePath()).isEqualTo("sender@partner.example");
        assertThat(received.recipients()).containsExactly("alice@customer.example", "bob@customer.example");
        assertThat(received.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(received.tlsProtocol()).isEqualTo("TLSv1.3");
        assertThat(received.tlsCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
        assertThat(received.receivedAt()).isBetween(before, Instant.now());

        byte[] raw = received.rawMime();
        String text = new String(raw, StandardCharsets.US_ASCII);
        int headerEnd = text.indexOf("\r\n", text.indexOf("\tid ")) + 2;
        String queueId = reply.line().substring(reply.line().lastIndexOf(' ') + 1);
        assertThat(text.substring(0, headerEnd))
                .matches("Received: from client\\.example \\(\\[127\\.0\\.0\\.1\\]\\)\r\n"
                        + "\tby localhost \\(Sealpost\\) with ESMTPS \\(TLSv1\\.3 TLS_AES_256_GCM_SHA384\\)\r\n"
                        + "\tid " + queueId + "; \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000\r\n");
        assertThat(Arrays.copyOfRange(raw, headerEnd, raw.length)).isEqualTo(message);
    }

    @Test
    void nullReversePathReachesTheSinkAsEmptyString() throws IOException {
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("MAIL FROM:<>").line()).isEqualTo("250 2.1.0 Ok");
            assertThat(smtp.command("RCPT TO:<alice@customer.example>").line()).isEqualTo("250 2.1.5 Ok");
            assertThat(smtp.data(BridgeFixture.flaggedMessage("bounce")).code()).isEqualTo(250);
        }

        assertThat(fixture.sink().onlyMessage().reversePath()).isEmpty();
    }

    @Test
    void transparencyDotsAreRemovedIncludingOnTheFirstLine() throws IOException {
        // RFC 5321 §4.5.2; SubEthaSMTP's own unstuffing misses the very first line.
        byte[] message = (".Dotted-Field: the first line starts with a dot\r\n" + BridgeFixture.FLAG
                        + "\r\n\r\n.\r\n..two dots\r\nend\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.send("sender@partner.example", List.of("alice@customer.example"), message)
                            .code())
                    .isEqualTo(250);
        }

        assertThat(bodyAfterReceivedHeader(fixture.sink().onlyMessage())).isEqualTo(message);
    }

    @Test
    void messageWithoutEncryptFlagIsRefusedWith550AndNotStored() throws IOException {
        byte[] unflagged = "From: sender@partner.example\r\nSubject: plain\r\n\r\nNot for the portal\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            SmtpReplyLines reply = smtp.send("sender@partner.example", List.of("alice@customer.example"), unflagged);

            assertThat(reply.line())
                    .startsWith("550 5.7.1 ")
                    .contains("encrypt-flag header", "X-Sealpost-Encrypt: yes");
        }
        assertThat(fixture.sink().messages()).isEmpty();
    }

    @Test
    void flagWithAnotherValueIsRefused() throws IOException {
        byte[] message = "X-Sealpost-Encrypt: no\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.send("sender@partner.example", List.of("alice@customer.example"), message)
                            .code())
                    .isEqualTo(550);
        }
        assertThat(fixture.sink().messages()).isEmpty();
    }

    @Test
    void acceptUnflaggedStoresMessagesWithoutTheFlag() throws IOException {
        byte[] unflagged = "Subject: plain\r\n\r\nfor the portal anyway\r\n".getBytes(StandardCharsets.US_ASCII);
        try (BridgeFixture lenient = BridgeFixture.start(settings -> settings.acceptUnflagged(true));
                SmtpDialogue smtp = lenient.connectSecure()) {
            assertThat(smtp.send("sender@partner.example", List.of("alice@customer.example"), unflagged)
                            .code())
                    .isEqualTo(250);
            assertThat(bodyAfterReceivedHeader(lenient.sink().onlyMessage())).isEqualTo(unflagged);
        }
    }

    @Test
    void refusedMessageEndsTheTransactionAndTheNextOneOnTheSameConnectionIsAccepted() throws IOException {
        byte[] unflagged = "Subject: plain\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.send("sender@partner.example", List.of("alice@customer.example"), unflagged)
                            .code())
                    .isEqualTo(550);
            assertThat(smtp.send(
                                    "sender@partner.example",
                                    List.of("bob@customer.example"),
                                    BridgeFixture.flaggedMessage("second"))
                            .code())
                    .isEqualTo(250);
        }
        assertThat(fixture.sink().onlyMessage().recipients()).containsExactly("bob@customer.example");
    }

    @Test
    void sinkTemporaryFailureIsAnswered451() throws IOException {
        fixture.sink().respondWith(SinkVerdict.temporaryFailure("Storage unavailable"));
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            SmtpReplyLines reply = smtp.send(
                    "sender@partner.example", List.of("alice@customer.example"), BridgeFixture.flaggedMessage("later"));

            assertThat(reply.line()).isEqualTo("451 4.3.0 Storage unavailable");
        }
    }

    @Test
    void sinkPermanentFailureIsAnswered554WithItsReason() throws IOException {
        fixture.sink().respondWith(SinkVerdict.permanentFailure("Recipient has no portal account\r\n250 fake"));
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            SmtpReplyLines reply = smtp.send(
                    "sender@partner.example", List.of("alice@customer.example"), BridgeFixture.flaggedMessage("never"));

            // The reason is flattened to one line: a CRLF in it must not forge a second reply.
            assertThat(reply.line()).isEqualTo("554 5.6.0 Recipient has no portal account 250 fake");
            assertThat(smtp.command("NOOP").line()).isEqualTo("250 2.0.0 Ok");
        }
    }

    @Test
    void sinkThrowingIsAnswered451AndTheNextMessageOnANewConnectionIsAccepted() throws IOException {
        fixture.sink().throwing(new IllegalStateException("database is down"));
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            SmtpReplyLines reply = smtp.send(
                    "sender@partner.example",
                    List.of("alice@customer.example"),
                    BridgeFixture.flaggedMessage("first try"));

            assertThat(reply.line()).startsWith("451 4.3.0 ").doesNotContain("database");
        }

        fixture.sink().respondWith(SinkVerdict.accepted());
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.send(
                                    "sender@partner.example",
                                    List.of("alice@customer.example"),
                                    BridgeFixture.flaggedMessage("second try"))
                            .code())
                    .isEqualTo(250);
        }
        assertThat(fixture.bridge().isRunning()).isTrue();
        assertThat(fixture.sink().messages()).hasSize(2);
    }

    @Test
    void pipelinedTransactionGetsOneReplyPerCommandInOrder() throws IOException {
        // RFC 2920: MAIL, RCPT, RCPT, DATA may go in one write; replies come back in order.
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            smtp.write("MAIL FROM:<sender@partner.example>\r\nRCPT TO:<alice@customer.example>\r\n"
                    + "RCPT TO:<bob@customer.example>\r\nDATA\r\n");
            assertThat(smtp.read().line()).isEqualTo("250 2.1.0 Ok");
            assertThat(smtp.read().line()).isEqualTo("250 2.1.5 Ok");
            assertThat(smtp.read().line()).isEqualTo("250 2.1.5 Ok");
            assertThat(smtp.read().code()).isEqualTo(354);
            smtp.write(SmtpDialogue.dotStuffed(BridgeFixture.flaggedMessage("pipelined")));
            smtp.write(".\r\nNOOP\r\n");
            assertThat(smtp.read().code()).isEqualTo(250);
            assertThat(smtp.read().line()).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(fixture.sink().onlyMessage().recipients()).hasSize(2);
    }

    @Test
    void sinkIsCalledOnlyAfterTheWholeMessageArrived() throws Exception {
        byte[] message = BridgeFixture.flaggedMessage("slow client");
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            smtp.command("MAIL FROM:<sender@partner.example>");
            smtp.command("RCPT TO:<alice@customer.example>");
            smtp.command("DATA");
            smtp.write(SmtpDialogue.dotStuffed(message));
            Thread.sleep(Duration.ofMillis(300));
            assertThat(fixture.sink().messages()).isEmpty();
            smtp.write(".\r\n");
            assertThat(smtp.read().code()).isEqualTo(250);
        }
        assertThat(fixture.sink().messages()).hasSize(1);
    }

    private static byte[] bodyAfterReceivedHeader(InboundMessage message) {
        String text = new String(message.rawMime(), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n", text.indexOf("\tid ")) + 2;
        return Arrays.copyOfRange(message.rawMime(), start, message.rawMime().length);
    }
}
