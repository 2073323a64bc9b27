package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.net.IpLiteral;
import org.subethamail.smtp.RejectException;

/** The cap on message bytes in memory across transactions, and what a transaction answers over it. */
class InFlightBytesTest {

    private static final ConnectionFacts CONNECTION = new ConnectionFacts(
            IpLiteral.parse("192.0.2.1"), "gw.customer.example", "TLSv1.3", "TLS_AES_256_GCM_SHA384");

    @Test
    void reservationsShareTheCapAndGiveBackOnClose() {
        InFlightBytes inFlight = new InFlightBytes(100);
        InFlightBytes.Reservation a = inFlight.reserve();
        InFlightBytes.Reservation b = inFlight.reserve();

        assertThat(a.grow(60)).isTrue();
        assertThat(b.grow(50)).isFalse();
        assertThat(b.refused()).isTrue();
        assertThat(b.grow(1)).as("refused stays refused").isFalse();
        assertThat(inFlight.held()).isEqualTo(60);

        a.close();
        b.close();
        assertThat(inFlight.held()).isZero();
    }

    @Test
    void aTransactionHoldsItsBytesUntilTheSinkHasReturnedThenGivesThemBack() throws Exception {
        InFlightBytes inFlight = new InFlightBytes(10_000);
        AtomicLong heldDuringSink = new AtomicLong();
        BridgeTransaction transaction = new BridgeTransaction(
                CONNECTION,
                rules(inFlight),
                message -> {
                    heldDuringSink.set(inFlight.held());
                    return SinkVerdict.accepted();
                },
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                () -> "q1");
        transaction.from("sender@partner.example");
        transaction.recipient("alice@portal.example");
        byte[] message = "X-Sealpost-Encrypt: yes\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

        transaction.data(new ByteArrayInputStream(message));

        assertThat(heldDuringSink.get()).isEqualTo(2L * message.length);
        assertThat(inFlight.held()).isZero();
    }

    @Test
    void aMessageOverTheCapIsAnswered452AndNeverReachesTheSink() throws Exception {
        InFlightBytes inFlight = new InFlightBytes(2000);
        InFlightBytes.Reservation other = inFlight.reserve();
        other.grow(1500); // another connection's message, being stored
        BridgeTransaction transaction = new BridgeTransaction(
                CONNECTION,
                rules(inFlight),
                message -> {
                    throw new AssertionError("must not reach the sink");
                },
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                () -> "q1");
        transaction.from("sender@partner.example");
        transaction.recipient("alice@portal.example");
        byte[] message =
                ("X-Sealpost-Encrypt: yes\r\n\r\n" + "x".repeat(400) + "\r\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> transaction.data(new ByteArrayInputStream(message)))
                .isInstanceOfSatisfying(
                        RejectException.class,
                        e -> assertThat(e.getErrorResponse()).startsWith("452 4.3.1 "));
        assertThat(inFlight.held()).as("only the other connection's bytes").isEqualTo(1500);
    }

    private static TransactionRules rules(InFlightBytes inFlight) {
        return new TransactionRules(
                new RecipientPolicy(2, Set.of("customer.example"), Set.of()),
                new MessageSizeLimit(1000),
                new EncryptFlagRule("X-Sealpost-Encrypt", "yes", false),
                new ReceivedHeader("bridge.example.org", "Sealpost"),
                inFlight);
    }
}
