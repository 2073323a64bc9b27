package org.sealpost.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundMessageTest {

    private static final Instant NOW = Instant.parse("2025-06-03T11:05:30Z");

    @Test
    void messagesWithEqualBytesAreEqual() {
        assertThat(message("secret".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(message("secret".getBytes(StandardCharsets.US_ASCII)))
                .hasSameHashCodeAs(message("secret".getBytes(StandardCharsets.US_ASCII)))
                .isNotEqualTo(message("other".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void toStringNeverShowsTheContent() {
        assertThat(message("top secret content".getBytes(StandardCharsets.US_ASCII))
                        .toString())
                .doesNotContain("top secret")
                .contains("18 bytes");
    }

    @Test
    void recipientsAreCopiedAndRequired() {
        List<String> recipients = new ArrayList<>(List.of("alice@portal.example"));
        InboundMessage message =
                new InboundMessage("", recipients, new byte[0], "192.0.2.1", "TLSv1.3", "TLS_AES_256_GCM_SHA384", NOW);
        recipients.add("mallory@portal.example");

        assertThat(message.recipients()).containsExactly("alice@portal.example");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new InboundMessage(
                        "", List.of(), new byte[0], "192.0.2.1", "TLSv1.3", "TLS_AES_256_GCM_SHA384", NOW));
    }

    @Test
    void sinkVerdictFactoriesCarryKindAndReason() {
        assertThat(SinkVerdict.accepted().kind()).isEqualTo(SinkVerdict.Kind.ACCEPTED);
        assertThat(SinkVerdict.temporaryFailure("busy"))
                .isEqualTo(new SinkVerdict(SinkVerdict.Kind.TEMPORARY_FAILURE, "busy"));
        assertThat(SinkVerdict.permanentFailure(null).text()).isEmpty();
    }

    private static InboundMessage message(byte[] raw) {
        return new InboundMessage(
                "sender@partner.example",
                List.of("alice@portal.example"),
                raw,
                "192.0.2.1",
                "TLSv1.3",
                "TLS_AES_256_GCM_SHA384",
                NOW);
    }
}
