package org.sealpost.bridge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.bridge.net.IpLiteral;
import org.subethamail.smtp.RejectException;

/** One transaction against a fake sink and fixed connection facts: no sockets, no SubEthaSMTP session. */
class BridgeTransactionTest {

    private static final Instant NOW = Instant.parse("2025-06-03T11:05:30Z");
    private static final ConnectionFacts CONNECTION = new ConnectionFacts(
            IpLiteral.parse("192.0.2.1"), "gw.customer.example", "TLSv1.3", "TLS_AES_256_GCM_SHA384");
    private static final TransactionRules RULES = new TransactionRules(
            new RecipientPolicy(2, Set.of("customer.example"), Set.of()),
            new MessageSizeLimit(1000),
            new EncryptFlagRule("X-Sealpost-Encrypt", "yes", false),
            new ReceivedHeader("bridge.example.org", "Sealpost"));

    private final List<InboundMessage> stored = new ArrayList<>();

    @Test
    void acceptedMessageReachesTheSinkWithReceivedFieldEnvelopeAndConnectionFacts() throws Exception {
        BridgeTransaction transaction = transaction(message -> SinkVerdict.accepted());
        transaction.from("sender@partner.example");
        transaction.recipient("alice@portal.example");
        byte[] message = bytes("X-Sealpost-Encrypt: yes\r\n\r\nbody\r\n");

        String reply = transaction.data(new ByteArrayInputStream(message));

        assertThat(reply).isEqualTo("2.0.0 Ok: queued as q1");
        InboundMessage received = stored.get(0);
        assertThat(received.reversePath()).isEqualTo("sender@partner.example");
        assertThat(received.recipients()).containsExactly("alice@portal.example");
        assertThat(received.clientAddress()).isEqualTo("192.0.2.1");
        assertThat(received.tlsProtocol()).isEqualTo("TLSv1.3");
        assertThat(received.tlsCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
        assertThat(received.receivedAt()).isEqualTo(NOW);
        assertThat(new String(received.rawMime(), StandardCharsets.US_ASCII))
                .isEqualTo(RULES.receivedHeader().build(CONNECTION, "q1", NOW)
                        + "X-Sealpost-Encrypt: yes\r\n\r\nbody\r\n");
    }

    @Test
    void unflaggedMessageIsRefusedWith550AndNeverReachesTheSink() {
        BridgeTransaction transaction = transaction(message -> SinkVerdict.accepted());

        assertThatThrownBy(() -> transaction.data(new ByteArrayInputStream(bytes("Subject: x\r\n\r\nbody\r\n"))))
                .isInstanceOfSatisfying(
                        RejectException.class, e -> assertThat(e.getCode()).isEqualTo(550));
        assertThat(stored).isEmpty();
    }

    @Test
    void oversizedMessageIsRefusedWith552AfterReadingItAllAndNeverReachesTheSink() {
        BridgeTransaction transaction = transaction(message -> SinkVerdict.accepted());
        ByteArrayInputStream data =
                new ByteArrayInputStream(bytes("X-Sealpost-Encrypt: yes\r\n\r\n" + "x".repeat(5000)));

        assertThatThrownBy(() -> transaction.data(data))
                .isInstanceOfSatisfying(
                        RejectException.class,
                        e -> assertThat(e.getErrorResponse()).startsWith("552 5.3.4 "));
        assertThat(data.available()).isZero();
        assertThat(stored).isEmpty();
    }

    @Test
    void sinkThrowingBecomes451() throws RejectException {
        BridgeTransaction transaction = transaction(message -> {
            throw new IllegalStateException("database down");
        });
        transaction.recipient("alice@portal.example");

        assertThatThrownBy(() -> transaction.data(new ByteArrayInputStream(bytes("X-Sealpost-Encrypt: yes\r\n\r\n"))))
                .isInstanceOfSatisfying(
                        RejectException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(SinkReplies.SINK_FAILED.line()));
    }

    @Test
    void sinkVerdictsOtherThanAcceptedBecomeTheirReplies() throws RejectException {
        BridgeTransaction temporary = transaction(message -> SinkVerdict.temporaryFailure("busy"));
        temporary.recipient("alice@portal.example");
        BridgeTransaction permanent = transaction(message -> SinkVerdict.permanentFailure("no such account"));
        permanent.recipient("alice@portal.example");

        assertThatThrownBy(() -> temporary.data(new ByteArrayInputStream(bytes("X-Sealpost-Encrypt: yes\r\n\r\n"))))
                .isInstanceOfSatisfying(
                        RejectException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo("451 4.3.0 busy"));
        assertThatThrownBy(() -> permanent.data(new ByteArrayInputStream(bytes("X-Sealpost-Encrypt: yes\r\n\r\n"))))
                .isInstanceOfSatisfying(
                        RejectException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo("554 5.6.0 no such account"));
    }

    @Test
    void recipientRulesApplyPerTransaction() throws RejectException {
        BridgeTransaction transaction = transaction(message -> SinkVerdict.accepted());
        transaction.recipient("a@portal.example");
        transaction.recipient("b@portal.example");

        assertThatThrownBy(() -> transaction.recipient("c@portal.example"))
                .isInstanceOfSatisfying(
                        RejectException.class, e -> assertThat(e.getCode()).isEqualTo(452));
        assertThatThrownBy(() -> transaction(message -> SinkVerdict.accepted()).recipient("colleague@Customer.Example"))
                .isInstanceOfSatisfying(
                        RejectException.class, e -> assertThat(e.getCode()).isEqualTo(550));
    }

    @Test
    void nullReversePathIsPassedOnAsEmpty() throws RejectException, IOException {
        BridgeTransaction transaction = transaction(message -> SinkVerdict.accepted());
        transaction.from("");
        transaction.recipient("alice@portal.example");

        transaction.data(new ByteArrayInputStream(bytes("X-Sealpost-Encrypt: yes\r\n\r\n")));

        assertThat(stored.get(0).reversePath()).isEmpty();
    }

    private BridgeTransaction transaction(Function<InboundMessage, SinkVerdict> sink) {
        return new BridgeTransaction(
                CONNECTION,
                RULES,
                message -> {
                    stored.add(message);
                    return sink.apply(message);
                },
                Clock.fixed(NOW, ZoneOffset.UTC),
                () -> "q1");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
