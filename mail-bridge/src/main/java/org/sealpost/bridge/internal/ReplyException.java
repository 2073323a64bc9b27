package org.sealpost.bridge.internal;

/** A command argument could not be parsed; carries the reply that says why. */
public final class ReplyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    public ReplyException(SmtpReply reply) {
        super(reply.line(), null, false, false);
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
