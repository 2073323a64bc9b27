package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator finds in the server's log (java.util.logging, where Payara writes, reached
 * through the SLF4J binding the portal ships): one line per refused or failed session, with the
 * client's address and the reply, and nothing about whom the mail was for.
 */
class BridgeLogIT {

    private static final Logger BRIDGE_LOGGERS = Logger.getLogger("org.sealpost.bridge");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;

    @BeforeEach
    void listen() {
        previousLevel = BRIDGE_LOGGERS.getLevel();
        // FINE too, to see which level each line is written at.
        BRIDGE_LOGGERS.setLevel(Level.FINE);
        capture.setLevel(Level.ALL);
        BRIDGE_LOGGERS.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        BRIDGE_LOGGERS.removeHandler(capture);
        BRIDGE_LOGGERS.setLevel(previousLevel);
    }

    @Test
    void aPlaintextMailFromRefusedWith530IsLoggedOnceWithTheClientAndTheReply() throws Exception {
        try (BridgeFixture fixture = started(BridgeFixture.start())) {
            try (SmtpDialogue smtp = fixture.connect()) {
                smtp.command("EHLO client.example");
                assertThat(smtp.command("MAIL FROM:<sender@partner.example>").code())
                        .isEqualTo(530);
                assertThat(smtp.command("RCPT TO:<alice@customer.example>").code())
                        .isEqualTo(530);
                smtp.command("QUIT");
            }

            List<LogRecord> lines = awaitInfoLines(1);
            assertThat(lines)
                    .singleElement()
                    .satisfies(line -> assertThat(text(line))
                            .contains(
                                    "127.0.0.1",
                                    "refused",
                                    "530 5.7.0 Must issue a STARTTLS command first",
                                    "2 refusal(s)")
                            .doesNotContain("sender@partner.example", "alice@customer.example"));
        }
    }

    @Test
    void aConnectionFromOutsideTheAllowListIsLoggedWithTheClientAndTheReply() throws Exception {
        try (BridgeFixture fixture =
                        started(BridgeFixture.start(settings -> settings.allowedClients(List.of("10.0.0.0/8"))));
                SmtpDialogue smtp = fixture.connect()) {
            assertThat(smtp.greeting().code()).isEqualTo(554);

            assertThat(awaitInfoLines(1))
                    .singleElement()
                    .satisfies(line ->
                            assertThat(text(line)).contains("127.0.0.1", "554 5.7.1", "not in the allowed clients"));
        }
    }

    @Test
    void aFailedTlsHandshakeIsLoggedAsAFailedSession() throws Exception {
        try (BridgeFixture fixture = started(BridgeFixture.start());
                SmtpDialogue smtp = fixture.connect()) {
            smtp.command("EHLO client.example");
            assertThat(smtp.command("STARTTLS").code()).isEqualTo(220);
            // Not TLS at all where a ClientHello belongs.
            smtp.write("EHLO plaintext.example\r\n");
            assertThat(smtp.closedByServer()).isTrue();

            assertThat(awaitInfoLines(1))
                    .singleElement()
                    .satisfies(line -> assertThat(text(line)).contains("127.0.0.1", "failed", "TLS handshake failed"));
        }
    }

    @Test
    void aRefusedRecipientIsLoggedByDomainReasonNeverByAddress() throws Exception {
        try (BridgeFixture fixture =
                started(BridgeFixture.start(settings -> settings.internalDomains(java.util.Set.of("bank.example"))))) {
            try (SmtpDialogue smtp = fixture.connectSecure()) {
                assertThat(smtp.command("MAIL FROM:<sender@partner.example>").code())
                        .isEqualTo(250);
                assertThat(smtp.command("RCPT TO:<colleague@bank.example>").code())
                        .isEqualTo(550);
                smtp.command("QUIT");
            }

            assertThat(awaitInfoLines(1))
                    .singleElement()
                    .satisfies(line -> assertThat(text(line))
                            .contains("127.0.0.1", "550 5.7.1")
                            .doesNotContain("colleague@", "sender@partner.example"));
        }
    }

    @Test
    void anAcceptedMessageIsLoggedAtFineOnlyAndNeverWithItsRecipientsOrContent() throws Exception {
        try (BridgeFixture fixture = started(BridgeFixture.start())) {
            try (SmtpDialogue smtp = fixture.connectSecure()) {
                assertThat(smtp.send(
                                        "sender@partner.example",
                                        List.of("alice@customer.example"),
                                        BridgeFixture.flaggedMessage("quarterly statement"))
                                .code())
                        .isEqualTo(250);
                smtp.command("QUIT");
            }

            LogRecord perMessage = await(() -> records.stream()
                    .filter(r -> text(r).startsWith("Message "))
                    .findFirst()
                    .orElse(null));
            assertThat(perMessage.getLevel()).isEqualTo(Level.FINE);
            // The session ended without a refusal: nothing at INFO.
            Thread.sleep(500);
            assertThat(records)
                    .noneSatisfy(
                            r -> assertThat(r.getLevel().intValue()).isGreaterThanOrEqualTo(Level.INFO.intValue()));
            assertThat(records)
                    .noneSatisfy(
                            r -> assertThat(text(r)).containsAnyOf("alice@customer.example", "quarterly statement"));
        }
    }

    /** Forgets what the fixture's start logged (its generated certificate): only the session counts. */
    private BridgeFixture started(BridgeFixture fixture) {
        records.clear();
        return fixture;
    }

    private List<LogRecord> awaitInfoLines(int expected) throws InterruptedException {
        // The session ends on the server's thread after the client has gone: wait for it.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && infoLines().size() < expected) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // and for any second line there should not be
        return infoLines();
    }

    private List<LogRecord> infoLines() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                .toList();
    }

    private static LogRecord await(java.util.function.Supplier<LogRecord> found) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        LogRecord record;
        while ((record = found.get()) == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(record).as("log record").isNotNull();
        return record;
    }

    /** The line as a handler would write it: the message with its parameters filled in. */
    private static String text(LogRecord record) {
        return new java.util.logging.SimpleFormatter().formatMessage(record);
    }
}
