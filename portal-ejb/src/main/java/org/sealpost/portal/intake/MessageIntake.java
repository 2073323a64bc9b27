package org.sealpost.portal.intake;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sealpost.bridge.InboundMessage;
import org.sealpost.bridge.InboundMessageSink;
import org.sealpost.bridge.SinkVerdict;
import org.sealpost.mailformat.metadata.MimeMetadataExtractor;
import org.sealpost.mailformat.metadata.MimeReading;
import org.sealpost.portal.account.EmailAddress;
import org.sealpost.portal.crypto.MessageSealer;
import org.sealpost.portal.crypto.SealedMessage;
import org.sealpost.portal.meters.PortalMeters;
import org.sealpost.portal.meters.PortalMeters.IntakeOutcome;

/**
 * The portal's side of the bridge port: read, seal, store, and only then say yes.
 *
 * <p>Verdicts: an unreadable message (no header section at all) is refused permanently, since
 * the gateway retrying it would never help; every failure to store is temporary ({@code 451}),
 * so the gateway keeps the message and tries again, and nothing is half-stored because the
 * store runs in one transaction.
 */
@ApplicationScoped
public class MessageIntake implements InboundMessageSink {

    private static final Logger LOG = Logger.getLogger(MessageIntake.class.getName());

    private final MimeMetadataExtractor extractor = new MimeMetadataExtractor();

    @Inject
    private MessageSealer sealer;

    @Inject
    private IntakeStore store;

    /** For the container, which injects the fields. */
    public MessageIntake() {}

    /** For tests against a plain database. */
    MessageIntake(MessageSealer sealer, IntakeStore store) {
        this.sealer = sealer;
        this.store = store;
    }

    @Override
    public SinkVerdict accept(InboundMessage message) {
        long started = System.nanoTime();
        SinkVerdict verdict = store(message);
        PortalMeters.intake(
                switch (verdict.kind()) {
                    case ACCEPTED -> IntakeOutcome.STORED;
                    case PERMANENT_FAILURE -> IntakeOutcome.REFUSED;
                    case TEMPORARY_FAILURE -> IntakeOutcome.STORAGE_UNAVAILABLE;
                },
                Duration.ofNanos(System.nanoTime() - started));
        return verdict;
    }

    private SinkVerdict store(InboundMessage message) {
        MimeReading reading = extractor.extract(message.rawMime());
        if (reading instanceof MimeReading.Unreadable unreadable) {
            LOG.warning(
                    () -> "refused unreadable message from " + message.clientAddress() + ": " + unreadable.reason());
            return SinkVerdict.permanentFailure("Message not stored: " + unreadable.reason());
        }
        MimeReading.Readable readable = (MimeReading.Readable) reading;
        if (!readable.problems().isEmpty()) {
            LOG.info(() -> "storing a damaged message as received from " + message.clientAddress() + ": "
                    + readable.problems());
        }
        List<EmailAddress> recipients;
        try {
            recipients = message.recipients().stream()
                    .map(EmailAddress::of)
                    .distinct()
                    .toList();
        } catch (IllegalArgumentException e) {
            return SinkVerdict.permanentFailure("Recipient address not usable: " + e.getMessage());
        }
        UUID messageId = UUID.randomUUID();
        try {
            SealedMessage sealed = sealer.seal(
                    messageId, message.rawMime(), readable.metadata().encode());
            store.store(new SealedArrival(
                    messageId,
                    sealed,
                    message.rawMime().length,
                    recipients,
                    message.receivedAt(),
                    message.clientAddress(),
                    message.tlsProtocol()));
            return SinkVerdict.accepted();
        } catch (Exception e) {
            // StorageUnavailableException: a lost database or a full pool; EJBException wraps a
            // failed commit.
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            LOG.log(
                    Level.WARNING,
                    "message from " + message.clientAddress() + " not stored, gateway told to retry: " + cause,
                    LOG.isLoggable(Level.FINE) ? e : null);
            return SinkVerdict.temporaryFailure("Storage unavailable, please try again later");
        }
    }
}
