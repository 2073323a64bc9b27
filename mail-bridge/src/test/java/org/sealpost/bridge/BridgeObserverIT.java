package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.sealpost.bridge.tls.BridgeCertificates;

/**
 * The bridge tells its observer each refusal with its codes and each acceptance, as the
 * portal's {@code /metrics} counts them; a client never seen by the observer is never counted.
 */
class BridgeObserverIT {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private final BridgeObserver observer = new BridgeObserver() {
        @Override
        public void refused(int replyCode, String enhancedStatus) {
            seen.add(replyCode + " " + enhancedStatus);
        }

        @Override
        public void accepted() {
            seen.add("accepted");
        }
    };

    @Test
    void theObserverHearsAPlaintextRefusalWithItsCodesAndAnAcceptedMessage() throws Exception {
        Path data = Files.createTempDirectory("sealpost-observer-it");
        BridgeCertificates certificates = BridgeCertificates.loadOrGenerate(data, "localhost");
        BridgeSettings settings = BridgeSettings.builder()
                .bindAddress("127.0.0.1")
                .port(0)
                .hostName("localhost")
                .certificates(certificates)
                .build();
        RecordingSink sink = new RecordingSink();
        try (MailBridge bridge = MailBridge.start(settings, sink, observer)) {
            try (SmtpDialogue plain = SmtpDialogue.connect(bridge.port())) {
                plain.command("EHLO client.example");
                assertThat(plain.command("MAIL FROM:<sender@partner.example>").code())
                        .isEqualTo(530);
                plain.command("QUIT");
            }
            try (SmtpDialogue secure =
                    SmtpDialogue.connect(bridge.port()).secure(TestCertificates.trusting(certificates.certificate()))) {
                assertThat(secure.send(
                                        "sender@partner.example",
                                        List.of("alice@customer.example"),
                                        BridgeFixture.flaggedMessage("counted"))
                                .code())
                        .isEqualTo(250);
                secure.command("QUIT");
            }
        }

        assertThat(seen).containsExactly("530 5.7.0", "accepted");
    }
}
