package org.sealpost.bridge.internal;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.sealpost.bridge.BridgeSettings;
import org.sealpost.bridge.InboundMessageSink;
import org.sealpost.bridge.net.IpLiteral;
import org.subethamail.smtp.server.SMTPServer;

/** Assembles a SubEthaSMTP server from the settings, with the bridge's rules and commands. */
public final class BridgeServer {

    /** Our name in the banner and the Received field (SubEthaSMTP's default renders as "null"). */
    public static final String SOFTWARE_NAME = "Sealpost";

    private BridgeServer() {}

    public static SMTPServer create(BridgeSettings settings, InboundMessageSink sink, Clock clock) {
        CurrentAdmission admission = new CurrentAdmission(settings.admission());
        MessageSizeLimit sizeLimit = new MessageSizeLimit(settings.maxMessageBytes());
        InFlightBytes inFlight = new InFlightBytes(settings.maxBytesInFlight());
        TransactionRules rules = new TransactionRules(
                new RecipientPolicy(settings.maxRecipients(), settings.internalDomains(), settings.reservedDomains()),
                sizeLimit,
                admission.encryptFlag(),
                new ReceivedHeader(settings.hostName(), SOFTWARE_NAME),
                inFlight);
        ServerTlsPolicy tlsPolicy;
        if (settings.keyMaterial().isPresent()) {
            tlsPolicy =
                    new ServerTlsPolicy(settings.keyMaterial().get()::sslContext, settings.requireClientCertificate());
        } else {
            SSLContext context = settings.sslContext()
                    .orElseGet(() -> settings.certificates()
                            .orElseThrow()
                            .sslContext(settings.clientTrustStore().orElse(null)));
            tlsPolicy = new ServerTlsPolicy(context, settings.requireClientCertificate());
        }

        SMTPServer server = SMTPServer.port(settings.port())
                .bindAddress(IpLiteral.parse(settings.bindAddress()))
                .hostName(settings.hostName())
                .softwareName(SOFTWARE_NAME)
                .messageHandlerFactory(new TransactionFactory(rules, admission::encryptFlag, sink, clock))
                .sessionHandler(new AllowListSessionHandler(admission::allowList))
                .requireTLS()
                .startTlsSocketFactory(tlsPolicy)
                // Ours says "with ESMTPS" and names the cipher; SubEthaSMTP's says "with SMTP".
                .insertReceivedHeaders(false)
                .maxConnections(settings.maxConnections())
                .connectionTimeoutMs((int) settings.idleTimeout().toMillis())
                .maxMessageSize((int) settings.maxMessageBytes())
                .maxRecipients(settings.maxRecipients())
                .executorService(sessionThreads())
                .serverThreadName("sealpost-mail-bridge-" + settings.bindAddress() + ":" + settings.port())
                .build();
        BridgeCommands.install(
                server.getCommandHandler(),
                new MandatoryStartTls(),
                new EhloCapabilities(settings.hostName(), settings.maxMessageBytes()),
                settings.hostName(),
                sizeLimit,
                inFlight);
        return server;
    }

    private static ExecutorService sessionThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "sealpost-smtp-session-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(factory);
    }
}
