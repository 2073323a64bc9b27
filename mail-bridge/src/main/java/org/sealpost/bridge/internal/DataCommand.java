package org.sealpost.bridge.internal;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * DATA (RFC 5321 §4.1.1.4). Unlike SubEthaSMTP's command, it reads the message to its end and
 * ends the transaction whatever the reply: SubEthaSMTP leaves a refused message's unread rest to
 * be parsed as commands and keeps the refused transaction open.
 */
final class DataCommand extends SmtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(DataCommand.class);

    static final String GO_AHEAD = "354 End data with <CR><LF>.<CR><LF>";
    static final SmtpReply NEED_MAIL = new SmtpReply(503, "5.5.1", "Error: need MAIL command");
    // RFC 5321 §3.3: "no valid recipients" is the reply that also suits a pipelining client
    // whose every RCPT was refused.
    static final SmtpReply NO_RECIPIENTS = new SmtpReply(554, "5.5.1", "Error: no valid recipients");
    static final SmtpReply NO_PARAMETERS = new SmtpReply(501, "5.5.4", "Syntax: DATA (no parameters allowed)");
    static final SmtpReply LOCAL_ERROR =
            new SmtpReply(451, "4.3.0", "Local error in processing, please try again later");

    DataCommand() {
        super("DATA", "Sends the message, ended by a line with a single dot.");
    }

    @Override
    void run(String arguments, Session session) throws IOException {
        if (!session.isMailTransactionInProgress()) {
            reply(session, NEED_MAIL);
            return;
        }
        if (session.getRecipientCount() == 0) {
            reply(session, NO_RECIPIENTS);
            return;
        }
        if (!arguments.isBlank()) {
            reply(session, NO_PARAMETERS);
            return;
        }
        SessionLog.send(session, GO_AHEAD);

        SmtpDataInputStream data = new SmtpDataInputStream(session.getRawInput());
        String reply;
        try {
            reply = "250 " + session.getMessageHandler().data(data);
        } catch (RejectException e) {
            reply = e.getErrorResponse();
        } catch (RuntimeException e) {
            // A bug of ours must cost the gateway one retry, never the session or the server.
            LOG.error("Unexpected failure while receiving a message from {}", session.getRealRemoteAddress(), e);
            reply = LOCAL_ERROR.line();
        }
        // The client listens for our reply only after its final dot; whatever the handler left
        // unread must go, or it would be taken for commands.
        while (data.read() != -1) {
            // discard
        }
        // RFC 5321 §4.1.1.4: the end of data ends the transaction, whichever the reply.
        session.resetMailTransaction();
        if (reply.startsWith("250")) {
            SessionLog.accepted(session);
        }
        SessionLog.send(session, reply);
    }
}
