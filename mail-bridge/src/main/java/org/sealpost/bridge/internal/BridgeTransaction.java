package org.sealpost.bridge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.InboundMessageSink;
import org.sealpost.bridge.SinkVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One mail transaction, MAIL to the end of DATA (RFC 5321 §3.3): collects the envelope, applies
 * the recipient, size and encrypt-flag rules, and hands the message to the sink. SubEthaSMTP
 * creates one per MAIL command through {@link TransactionFactory}.
 */
public final class BridgeTransaction implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeTransaction.class);

    private final ConnectionFacts connection;
    private final TransactionRules rules;
    private final InboundMessageSink sink;
    private final Clock clock;
    private final Supplier<String> queueIds;

    private String reversePath = "";
    private final List<String> recipients = new ArrayList<>();

    public BridgeTransaction(
            ConnectionFacts connection,
            TransactionRules rules,
            InboundMessageSink sink,
            Clock clock,
            Supplier<String> queueIds) {
        this.connection = connection;
        this.rules = rules;
        this.sink = sink;
        this.clock = clock;
        this.queueIds = queueIds;
    }

    /** @param from the reverse-path, {@code ""} for {@code <>} */
    @Override
    public void from(String from) {
        this.reversePath = from;
    }

    /** @param recipient a forward-path mailbox the RCPT command already parsed */
    @Override
    public void recipient(String recipient) throws RejectException {
        Mailbox mailbox = Mailbox.parseAddress(recipient);
        if (mailbox == null) {
            throw EnvelopeArguments.BAD_RECIPIENT.toRejectException();
        }
        Decision decision = rules.recipients().decide(mailbox, recipients.size());
        if (!decision.proceeds()) {
            throw decision.reply().toRejectException();
        }
        recipients.add(mailbox.address());
    }

    /**
     * Reads the whole message, then decides. The stream is always read to its end before any
     * reply, because the client only listens after its final dot.
     *
     * @return the text of the 250 reply
     * @throws RejectException with the 4xx/5xx reply
     */
    @Override
    public String data(InputStream data) throws RejectException, IOException {
        // The reservation is given back only after the sink has returned: until then the bytes
        // are in memory (ours, then the sink's), whatever the outcome.
        try (InFlightBytes.Reservation reservation = rules.inFlight().reserve()) {
            return receive(data, reservation);
        }
    }

    private String receive(InputStream data, InFlightBytes.Reservation reservation)
            throws RejectException, IOException {
        MessageSizeLimit.ReceivedData received = rules.size().read(data, reservation);
        Decision size = rules.size().decide(received);
        if (!size.proceeds()) {
            LOG.debug(
                    "Refused a message of {} bytes from {}: over the limit",
                    received.totalBytes(),
                    connection.clientAddress().getHostAddress());
            throw size.reply().toRejectException();
        }
        if (reservation.refused()) {
            LOG.warn(
                    "Refused a message of {} bytes from {} for now: {} bytes of messages in memory already"
                            + " (cap {}); the gateway will retry",
                    received.totalBytes(),
                    connection.clientAddress().getHostAddress(),
                    rules.inFlight().held(),
                    rules.inFlight().capacity());
            throw InFlightBytes.FULL.toRejectException();
        }
        Decision flag = rules.encryptFlag().decide(received.bytes());
        if (!flag.proceeds()) {
            LOG.debug(
                    "Refused a message from {} for {} recipient(s): encrypt flag missing",
                    connection.clientAddress().getHostAddress(),
                    recipients.size());
            throw flag.reply().toRejectException();
        }

        Instant receivedAt = clock.instant();
        String queueId = queueIds.get();
        byte[] trace =
                rules.receivedHeader().build(connection, queueId, receivedAt).getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[trace.length + received.bytes().length];
        System.arraycopy(trace, 0, raw, 0, trace.length);
        System.arraycopy(received.bytes(), 0, raw, trace.length, received.bytes().length);

        InboundMessage message = new InboundMessage(
                reversePath,
                recipients,
                raw,
                connection.clientAddress().getHostAddress(),
                connection.tlsProtocol(),
                connection.tlsCipherSuite(),
                receivedAt);
        SinkVerdict verdict;
        try {
            verdict = sink.accept(message);
        } catch (RuntimeException e) {
            LOG.error("The message sink failed on message {}; answering 451 so the gateway retries", queueId, e);
            throw SinkReplies.SINK_FAILED.toRejectException();
        }
        SmtpReply reply = SinkReplies.forVerdict(verdict, queueId);
        // DEBUG, not INFO: at a gateway's volume a line per message drowns the refusals, and the
        // log must not become a second record of who wrote to whom.
        LOG.debug(
                "Message {} from {} for {} recipient(s): {}",
                queueId,
                connection.clientAddress().getHostAddress(),
                recipients.size(),
                reply.line());
        if (!reply.isPositive()) {
            throw reply.toRejectException();
        }
        return reply.enhancedStatus() + " " + reply.text();
    }

    @Override
    public void done() {
        // Nothing is held outside this object.
    }
}
