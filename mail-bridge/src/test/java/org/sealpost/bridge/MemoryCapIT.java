package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 finding 3: the bytes of messages in memory across connections are capped. A message
 * that would pass the cap is answered {@code 452 4.3.1} (the gateway keeps it and retries); the
 * message already accepted for storage is never lost; once the sink has returned, the room is
 * free again. Real bridge, real TLS, Jakarta Mail as the SMTP client.
 */
class MemoryCapIT {

    private static final int MIB = 1024 * 1024;

    private BridgeFixture fixture;

    @BeforeEach
    void startBridge() throws IOException {
        // One 1 MiB message counts 2 MiB (received and stored copy): room for one large at a time.
        fixture = BridgeFixture.start(settings -> settings.maxMessageBytes(MIB).maxBytesInFlight(3L * MIB));
    }

    @AfterEach
    void stopBridge() throws IOException {
        fixture.close();
    }

    @Test
    void aMessageThatWouldPassTheCapIsAnswered452AndTheOneInFlightIsKept() throws Exception {
        CountDownLatch firstInSink = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        fixture.sink().answering(message -> {
            if (new String(message.rawMime(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("Subject: first")) {
                firstInSink.countDown();
                await(releaseFirst);
            }
            return SinkVerdict.accepted();
        });

        // The first large message is being stored (the sink holds it) ...
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> send("first", 900 * 1024));
        assertThat(firstInSink.await(30, TimeUnit.SECONDS))
                .as("first message reached the sink")
                .isTrue();

        // ... so a second large one does not fit: a temporary refusal, not a loss.
        assertThatThrownBy(() -> sendOrThrow("second", 900 * 1024))
                .isInstanceOfSatisfying(SMTPSendFailedException.class, e -> {
                    assertThat(e.getReturnCode()).isEqualTo(452);
                    assertThat(e.getMessage()).contains("4.3.1");
                });
        // A client that declares the size is told so at MAIL already (RFC 1870 §6.1).
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("MAIL FROM:<sender@partner.example> SIZE=" + 900 * 1024)
                            .line())
                    .startsWith("452 4.3.1 ");
            assertThat(smtp.command("MAIL FROM:<sender@partner.example> SIZE=10000")
                            .line())
                    .isEqualTo("250 2.1.0 Ok");
        }
        // A small one still fits beside it.
        sendOrThrow("small", 10 * 1024);

        releaseFirst.countDown();
        first.get(30, TimeUnit.SECONDS);

        // The room is free again once the sink has returned: the gateway's retry is accepted.
        sendOrThrow("second", 900 * 1024);
        assertThat(fixture.sink().messages())
                .extracting(m -> subject(m))
                .containsExactlyInAnyOrder("first", "small", "second");
    }

    private static String subject(InboundMessage message) {
        String raw = new String(message.rawMime(), java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = raw.indexOf("Subject: ");
        return raw.substring(at + 9, raw.indexOf('\r', at));
    }

    private void send(String subject, int bodyBytes) {
        try {
            sendOrThrow(subject, bodyBytes);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sendOrThrow(String subject, int bodyBytes) throws MessagingException {
        Session session = Session.getInstance(fixture.jakartaMailProperties());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender@partner.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@customer.example"));
        message.setSubject(subject);
        StringBuilder body = new StringBuilder(bodyBytes);
        while (body.length() < bodyBytes) {
            body.append("line of text for the memory cap test, seventy-six characters in all......\r\n");
        }
        message.setText(body.toString());
        message.setHeader("X-Sealpost-Encrypt", "yes");
        Transport.send(message);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
