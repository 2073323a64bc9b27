package org.sealpost.bridge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A sink for the wire tests: records every message it is given (thread-safe) and answers with
 * whatever it was told to, ACCEPTED by default.
 */
final class RecordingSink implements InboundMessageSink {

    private final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
    private final AtomicReference<Function<InboundMessage, SinkVerdict>> behaviour =
            new AtomicReference<>(message -> SinkVerdict.accepted());

    @Override
    public SinkVerdict accept(InboundMessage message) {
        messages.add(message);
        return behaviour.get().apply(message);
    }

    /** From now on, answer {@code verdict}. */
    void respondWith(SinkVerdict verdict) {
        behaviour.set(message -> verdict);
    }

    /** From now on, answer what {@code answer} says (it may block: it runs on the session's thread). */
    void answering(Function<InboundMessage, SinkVerdict> answer) {
        behaviour.set(answer);
    }

    /** From now on, throw {@code failure}. */
    void throwing(RuntimeException failure) {
        behaviour.set(message -> {
            throw failure;
        });
    }

    /** Every message the sink was called with, in order. */
    List<InboundMessage> messages() {
        return List.copyOf(messages);
    }

    InboundMessage onlyMessage() {
        List<InboundMessage> all = messages();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one message, got " + all);
        }
        return all.get(0);
    }
}
