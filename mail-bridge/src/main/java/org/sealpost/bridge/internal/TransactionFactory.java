package org.sealpost.bridge.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.sealpost.bridge.InboundMessageSink;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.MessageHandlerFactory;

/** Starts a {@link BridgeTransaction} for each MAIL command, with the connection's facts. */
public final class TransactionFactory implements MessageHandlerFactory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransactionRules rules;
    private final InboundMessageSink sink;
    private final Clock clock;
    private final Supplier<String> queueIds = TransactionFactory::randomQueueId;

    private final Supplier<EncryptFlagRule> encryptFlags;

    public TransactionFactory(TransactionRules rules, InboundMessageSink sink, Clock clock) {
        this(rules, rules::encryptFlag, sink, clock);
    }

    /** With the encrypt-flag rule asked of {@code encryptFlags} for every message, so a change applies to the next. */
    public TransactionFactory(
            TransactionRules rules, Supplier<EncryptFlagRule> encryptFlags, InboundMessageSink sink, Clock clock) {
        this.rules = rules;
        this.encryptFlags = encryptFlags;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public MessageHandler create(MessageContext context) {
        EncryptFlagRule flag = encryptFlags.get();
        TransactionRules now = flag == rules.encryptFlag()
                ? rules
                : new TransactionRules(
                        rules.recipients(), rules.size(), flag, rules.receivedHeader(), rules.inFlight());
        return new BridgeTransaction(ConnectionFacts.of(context), now, sink, clock, queueIds);
    }

    /** 80 random bits: unique enough to find one message in the gateway's and our logs. */
    static String randomQueueId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
