package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never kills the bridge: malformed MIME that carries the flag is stored exactly as
 * received; broken protocol input costs at most its own connection.
 */
class MalformedInputIT {

    private static final String FLAG = BridgeFixture.FLAG;

    private static BridgeFixture fixture;

    @BeforeAll
    static void startBridge() throws IOException {
        fixture = BridgeFixture.start();
    }

    @AfterAll
    static void stopBridge() throws IOException {
        fixture.close();
    }

    @AfterEach
    void bridgeStillServes() throws IOException {
        assertThat(fixture.bridge().isRunning()).isTrue();
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("NOOP").line()).isEqualTo("250 2.0.0 Ok");
        }
    }

    static Stream<Arguments> malformedMime() {
        return Stream.of(
                mime(
                        "broken multipart boundaries",
                        FLAG + "\r\nMIME-Version: 1.0\r\n"
                                + "Content-Type: multipart/mixed; boundary=\"abc\"\r\n\r\n--abc\r\nContent-Type: text/plain\r\n\r\n"
                                + "part one\r\n--abd\r\nnever closed\r\n--ab"),
                mime(
                        "8-bit bytes in headers",
                        bytes(
                                FLAG + "\r\nSubject: Gr",
                                new byte[] {(byte) 0xFC, (byte) 0xDF},
                                "e\r\nFrom: \"J",
                                new byte[] {(byte) 0xC3, (byte) 0xBC},
                                "rgen\" <j@partner.example>\r\n\r\nbody\r\n")),
                mime("no headers but the flag", FLAG + "\r\n\r\nno From, no Date, no Message-ID\r\n"),
                mime("no header/body separator", FLAG + "\r\nThis line is body text, not a header\r\nmore text\r\n"),
                mime("bare LF line endings", FLAG + "\nSubject: lf\n\nbody\n.\nnot the end: a bare-LF dot\n"),
                mime("NUL bytes", FLAG + "\r\nSubject: a\0b\r\n\r\nbody\0\0\0 with NULs\r\n"),
                mime("very long body line", FLAG + "\r\n\r\n" + "x".repeat(1_000_000) + "\r\n"),
                mime("very long header line", FLAG + "\r\nSubject: " + "y".repeat(100_000) + "\r\n\r\nbody\r\n"),
                mime("folded flag header", "Subject: folded\r\nX-Sealpost-Encrypt:\r\n   yes\r\n\r\nbody\r\n"),
                mime("lone CR characters", FLAG + "\r\nSubject: a\rb\r\n\r\nbody\r\r\nend\r"),
                mime("header with an empty name", FLAG + "\r\n: empty name\r\n\r\nbody\r\n"),
                mime("deeply nested multipart", deeplyNested(500)),
                mime("no final newline", FLAG + "\r\n\r\nno newline at the end"),
                mime("nothing but the flag", FLAG),
                mime(
                        "invalid encodings",
                        FLAG + "\r\nSubject: =?bogus-charset?Q?=ZZ?=\r\n"
                                + "Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n"),
                mime("dot lines", FLAG + "\r\n\r\n.\r\n..\r\n. \r\n...\r\n"),
                mime("random binary body", bytes(FLAG + "\r\n\r\n", randomBytes(64 * 1024))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedMime")
    void malformedMimeWithTheFlagIsStoredExactlyAsReceived(String description, byte[] message) throws IOException {
        SmtpReplyLines reply;
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            reply = smtp.send("sender@partner.example", List.of("alice@customer.example"), message);
        }

        assertThat(reply.code()).as(description).isEqualTo(250);
        List<InboundMessage> stored = fixture.sink().messages();
        byte[] raw = stored.get(stored.size() - 1).rawMime();
        int bodyStart = new String(raw, StandardCharsets.ISO_8859_1).indexOf("\r\n", indexOfId(raw)) + 2;
        assertThat(Arrays.copyOfRange(raw, bodyStart, raw.length)).isEqualTo(SmtpDialogue.asReceived(message));
    }

    @Test
    void wholeCorpusOnOneConnectionKeepsTheSessionInStep() throws IOException {
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            for (Arguments arguments : malformedMime().toList()) {
                byte[] message = (byte[]) arguments.get()[1];
                assertThat(smtp.send("sender@partner.example", List.of("alice@customer.example"), message)
                                .code())
                        .as((String) arguments.get()[0])
                        .isEqualTo(250);
            }
        }
    }

    @Test
    void commandLineLongerThanRfc5321AllowsCostsOnlyThatConnection() throws IOException {
        // RFC 5321 §4.5.3.1.4: command lines are at most 512 octets; SubEthaSMTP cuts at 998.
        try (SmtpDialogue smtp = fixture.connect()) {
            assertThat(smtp.command("EHLO " + "a".repeat(5000)).code()).isEqualTo(501);
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    @Test
    void bareLineFeedInACommandCostsOnlyThatConnection() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            smtp.write("EHLO client.example\nNOOP\r\n");
            assertThat(smtp.read().code()).isEqualTo(501);
            assertThat(smtp.closedByServer()).isTrue();
        }
    }

    @Test
    void binaryGarbageInsteadOfCommandsIsAnsweredWithoutHarm() throws IOException {
        try (SmtpDialogue smtp = fixture.connect()) {
            byte[] garbage = randomBytes(4096);
            for (int i = 0; i < garbage.length; i++) {
                if (garbage[i] == '\r' || garbage[i] == '\n') {
                    garbage[i] = 'z';
                }
            }
            smtp.write(garbage);
            smtp.write("\r\n");
            assertThat(smtp.read().code()).isBetween(500, 599);
        }
    }

    @Test
    void clientVanishingInTheMiddleOfDataStoresNothing() throws IOException {
        int before = fixture.sink().messages().size();
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            smtp.command("MAIL FROM:<sender@partner.example>");
            smtp.command("RCPT TO:<alice@customer.example>");
            smtp.command("DATA");
            smtp.write(FLAG + "\r\n\r\nhalf a mess");
        }
        try (SmtpDialogue smtp = fixture.connectSecure()) {
            assertThat(smtp.command("NOOP").code()).isEqualTo(250);
        }
        assertThat(fixture.sink().messages()).hasSize(before);
    }

    private static Arguments mime(String description, String message) {
        return Arguments.of(description, message.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Arguments mime(String description, byte[] message) {
        return Arguments.of(description, message);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(20240611L).nextBytes(bytes);
        return bytes;
    }

    private static String deeplyNested(int depth) {
        StringBuilder message = new StringBuilder(FLAG).append("\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            message.append("Content-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        return message.append("Content-Type: text/plain\r\n\r\ninnermost\r\n").toString();
    }

    private static int indexOfId(byte[] raw) {
        return new String(raw, StandardCharsets.ISO_8859_1).indexOf("\tid ");
    }
}
