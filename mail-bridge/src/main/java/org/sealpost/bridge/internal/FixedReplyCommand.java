package org.sealpost.bridge.internal;

import java.io.IOException;
import org.subethamail.smtp.server.Session;

/** Commands whose answer never depends on their arguments: NOOP, RSET, QUIT, and the unsupported. */
final class FixedReplyCommand extends SmtpCommand {

    private enum Effect {
        NONE,
        RESET_TRANSACTION,
        CLOSE
    }

    private final SmtpReply reply;
    private final Effect effect;

    private FixedReplyCommand(String verb, SmtpReply reply, Effect effect) {
        super(verb, reply.text());
        this.reply = reply;
        this.effect = effect;
    }

    /** RFC 5321 §4.1.1.9: NOOP has no effect and its argument is ignored. */
    static FixedReplyCommand noop() {
        return new FixedReplyCommand("NOOP", new SmtpReply(250, "2.0.0", "Ok"), Effect.NONE);
    }

    /** RFC 5321 §4.1.1.5: RSET aborts the transaction, keeps the greeting and TLS. */
    static FixedReplyCommand rset() {
        return new FixedReplyCommand("RSET", new SmtpReply(250, "2.0.0", "Ok"), Effect.RESET_TRANSACTION);
    }

    /** RFC 5321 §4.1.1.10: reply 221, then close. */
    static FixedReplyCommand quit() {
        return new FixedReplyCommand("QUIT", new SmtpReply(221, "2.0.0", "Bye"), Effect.CLOSE);
    }

    /** RFC 5321 §3.5.3 / §7.3: VRFY may be disabled; 252 says we will still try delivery. */
    static FixedReplyCommand vrfy() {
        return new FixedReplyCommand(
                "VRFY",
                new SmtpReply(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery"),
                Effect.NONE);
    }

    /** RFC 5321 §4.2.4: 502 for a command we recognise but do not implement (AUTH, BDAT, ...). */
    static FixedReplyCommand notImplemented(String verb) {
        return new FixedReplyCommand(verb, new SmtpReply(502, "5.5.1", "Command not implemented"), Effect.NONE);
    }

    @Override
    void run(String arguments, Session session) throws IOException {
        switch (effect) {
            case RESET_TRANSACTION -> session.resetMailTransaction();
            case CLOSE -> {
                reply(session, reply);
                session.quit();
                return;
            }
            case NONE -> {
                // just the reply
            }
        }
        reply(session, reply);
    }
}
