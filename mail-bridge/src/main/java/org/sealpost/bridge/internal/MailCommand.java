package org.sealpost.bridge.internal;

import java.io.IOException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/** MAIL FROM (RFC 5321 §4.1.1.2) with SIZE (RFC 1870) and BODY (RFC 6152). */
final class MailCommand extends SmtpCommand {

    static final SmtpReply OK = new SmtpReply(250, "2.1.0", "Ok");
    static final SmtpReply NEED_HELO = new SmtpReply(503, "5.5.1", "Error: send HELO/EHLO first");
    static final SmtpReply NESTED = new SmtpReply(503, "5.5.1", "Error: nested MAIL command");

    private final MessageSizeLimit sizeLimit;

    private final InFlightBytes inFlight;

    MailCommand(MessageSizeLimit sizeLimit, InFlightBytes inFlight) {
        super("MAIL", "Starts a transaction: MAIL FROM:<sender>");
        this.sizeLimit = sizeLimit;
        this.inFlight = inFlight;
    }

    @Override
    void run(String arguments, Session session) throws IOException {
        // RFC 5321 §4.1.4: a client MUST greet first; after STARTTLS that means again
        // (RFC 3207 §4.2), so the Received field always names what the client said in TLS.
        if (session.getHelo().isEmpty()) {
            reply(session, NEED_HELO);
            return;
        }
        if (session.isMailTransactionInProgress()) {
            reply(session, NESTED);
            return;
        }
        EnvelopeArguments.MailArguments mail;
        try {
            mail = EnvelopeArguments.parseMail(arguments);
        } catch (ReplyException e) {
            reply(session, e.reply());
            return;
        }
        if (mail.declaredSize().isPresent()) {
            Decision size = sizeLimit.decideDeclaredSize(mail.declaredSize().getAsLong());
            if (!size.proceeds()) {
                reply(session, size.reply());
                return;
            }
            // Not now, maybe later: the gateway keeps the message and retries (RFC 1870 §6.1).
            if (!inFlight.hasRoomFor(mail.declaredSize().getAsLong())) {
                reply(session, InFlightBytes.FULL);
                return;
            }
        }
        session.startMailTransaction();
        try {
            session.getMessageHandler().from(mail.reversePath());
        } catch (RejectException e) {
            session.resetMailTransaction();
            SessionLog.send(session, e.getErrorResponse());
            return;
        }
        reply(session, OK);
    }
}
