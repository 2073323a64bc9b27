package org.sealpost.bridge.internal;

import org.sealpost.bridge.SinkVerdict;

/**
 * The reply to the end of DATA, from what the sink said. Nothing but ACCEPTED produces a 2xx:
 * RFC 5321 §6.1 lets the gateway forget the message once it has our 250.
 */
public final class SinkReplies {

    /** A sink that throws has not stored the message; the gateway keeps it and retries. */
    public static final SmtpReply SINK_FAILED =
            new SmtpReply(451, "4.3.0", "Temporary failure while storing the message, please try again later");

    private SinkReplies() {}

    /**
     * @param verdict what the sink returned; {@code null} counts as a temporary failure
     * @param queueId the id of this message in our Received field, for the gateway's log
     */
    public static SmtpReply forVerdict(SinkVerdict verdict, String queueId) {
        if (verdict == null) {
            return SINK_FAILED;
        }
        return switch (verdict.kind()) {
            case ACCEPTED -> new SmtpReply(250, "2.0.0", "Ok: queued as " + queueId);
            // RFC 3463 X.3.0: other or undefined mail system status, retry later.
            case TEMPORARY_FAILURE ->
                new SmtpReply(
                        451, "4.3.0", SmtpReply.printable(verdict.text(), "Temporary failure, please try again later"));
            // RFC 3463 X.6.0: other or undefined media (content) error.
            case PERMANENT_FAILURE ->
                new SmtpReply(554, "5.6.0", SmtpReply.printable(verdict.text(), "Message refused"));
        };
    }
}
