package org.sealpost.bridge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message the bridge received over TLS and that passed every rule.
 *
 * <p>{@code rawMime} is handed over, not copied (messages are up to tens of MiB): the bridge
 * never touches the array again, and the sink must not modify it either.
 *
 * @param reversePath the envelope sender from {@code MAIL FROM}, {@code ""} for the null sender
 *     {@code <>} (RFC 5321 §4.5.5)
 * @param recipients the envelope recipients accepted by {@code RCPT TO}, in order, never empty
 * @param rawMime exactly what is to be stored: the bridge's {@code Received} trace header followed
 *     by the bytes received after DATA (dot-unstuffed, otherwise untouched)
 * @param clientAddress the IP address of the SMTP client (the gateway), e.g. {@code 10.1.2.3}
 * @param tlsProtocol the negotiated TLS protocol, e.g. {@code TLSv1.3}
 * @param tlsCipherSuite the negotiated cipher suite, e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param receivedAt when the end of DATA was received
 */
public record InboundMessage(
        String reversePath,
        List<String> recipients,
        byte[] rawMime,
        String clientAddress,
        String tlsProtocol,
        String tlsCipherSuite,
        Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(reversePath, "reversePath");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients: a message has at least one recipient");
        }
        Objects.requireNonNull(rawMime, "rawMime");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(tlsProtocol, "tlsProtocol");
        Objects.requireNonNull(tlsCipherSuite, "tlsCipherSuite");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    // A record compares arrays by identity; two messages with the same bytes are equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof InboundMessage that
                && reversePath.equals(that.reversePath)
                && recipients.equals(that.recipients)
                && Arrays.equals(rawMime, that.rawMime)
                && clientAddress.equals(that.clientAddress)
                && tlsProtocol.equals(that.tlsProtocol)
                && tlsCipherSuite.equals(that.tlsCipherSuite)
                && receivedAt.equals(that.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                reversePath,
                recipients,
                Arrays.hashCode(rawMime),
                clientAddress,
                tlsProtocol,
                tlsCipherSuite,
                receivedAt);
    }

    // Never dump message content into logs.
    @Override
    public String toString() {
        return "InboundMessage[reversePath=" + reversePath + ", recipients=" + recipients
                + ", rawMime=" + rawMime.length + " bytes, clientAddress=" + clientAddress
                + ", tls=" + tlsProtocol + " " + tlsCipherSuite + ", receivedAt=" + receivedAt + "]";
    }
}
