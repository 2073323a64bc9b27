package org.sealpost.bridge.internal;

import java.io.IOException;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/** RCPT TO (RFC 5321 §4.1.1.3); the recipient rules live in {@link RecipientPolicy}. */
final class RcptCommand extends SmtpCommand {

    static final SmtpReply OK = new SmtpReply(250, "2.1.5", "Ok");
    static final SmtpReply NEED_MAIL = new SmtpReply(503, "5.5.1", "Error: need MAIL command");

    RcptCommand() {
        super("RCPT", "Names a recipient: RCPT TO:<recipient>");
    }

    @Override
    void run(String arguments, Session session) throws IOException {
        if (!session.isMailTransactionInProgress()) {
            reply(session, NEED_MAIL);
            return;
        }
        Mailbox recipient;
        try {
            recipient = EnvelopeArguments.parseRcpt(arguments);
        } catch (ReplyException e) {
            reply(session, e.reply());
            return;
        }
        try {
            session.getMessageHandler().recipient(recipient.address());
        } catch (RejectException e) {
            SessionLog.send(session, e.getErrorResponse());
            return;
        }
        session.addRecipient(recipient.address());
        reply(session, OK);
    }
}
