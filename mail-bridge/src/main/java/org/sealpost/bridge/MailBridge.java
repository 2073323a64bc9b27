package org.sealpost.bridge;

import java.time.Clock;
import java.util.Objects;
import org.sealpost.bridge.internal.BridgeServer;
import org.sealpost.bridge.internal.SessionLog;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The running SMTP receiver: listens on the configured address, takes mail from the gateway over
 * mandatory STARTTLS, applies the bridge's rules and hands each message to the
 * {@link InboundMessageSink}.
 *
 * <pre>{@code
 * try (MailBridge bridge = MailBridge.start(settings, sink)) {
 *     ...
 * }
 * }</pre>
 */
public final class MailBridge implements AutoCloseable {

    private final SMTPServer server;

    private MailBridge(SMTPServer server) {
        this.server = server;
    }

    /**
     * Starts listening; returns once the server socket is bound.
     *
     * @throws IllegalStateException if the address cannot be bound
     */
    public static MailBridge start(BridgeSettings settings, InboundMessageSink sink) {
        return start(settings, sink, BridgeObserver.NONE);
    }

    /** The same, telling {@code observer} every refusal and acceptance (for metrics). */
    public static MailBridge start(BridgeSettings settings, InboundMessageSink sink, BridgeObserver observer) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(observer, "observer");
        SMTPServer server = BridgeServer.create(settings, sink, Clock.systemUTC());
        SessionLog.observe(server, observer);
        try {
            server.start();
        } catch (RuntimeException e) {
            SessionLog.forget(server);
            throw new IllegalStateException(
                    "the mail bridge cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": "
                            + e.getMessage(),
                    e);
        }
        return new MailBridge(server);
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return server.getPortAllocated();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops accepting, closes every connection and waits for the session threads. Idempotent. */
    @Override
    public void close() {
        server.stop();
        SessionLog.forget(server);
    }
}
