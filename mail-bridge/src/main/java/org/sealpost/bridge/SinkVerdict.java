package org.sealpost.bridge;

import java.util.Objects;

/**
 * What the {@link InboundMessageSink} made of a message; decides the reply to DATA.
 *
 * @param kind the outcome
 * @param text a short reason, shown to the gateway in the SMTP reply (never null; empty for
 *     {@link Kind#ACCEPTED})
 */
public record SinkVerdict(Kind kind, String text) {

    /** The outcome of storing a message. */
    public enum Kind {
        /** Stored durably: the bridge answers {@code 250 2.0.0}. */
        ACCEPTED,
        /** Not stored, try later (storage unavailable): {@code 451 4.3.0}, the gateway retries. */
        TEMPORARY_FAILURE,
        /** Not stored and never will be: {@code 554 5.6.0}, the gateway bounces the message. */
        PERMANENT_FAILURE
    }

    private static final SinkVerdict ACCEPTED = new SinkVerdict(Kind.ACCEPTED, "");

    public SinkVerdict {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }

    public static SinkVerdict accepted() {
        return ACCEPTED;
    }

    public static SinkVerdict temporaryFailure(String reason) {
        return new SinkVerdict(Kind.TEMPORARY_FAILURE, reason);
    }

    public static SinkVerdict permanentFailure(String reason) {
        return new SinkVerdict(Kind.PERMANENT_FAILURE, reason);
    }
}
