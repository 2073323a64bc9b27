package org.sealpost.bridge.internal;

import java.io.IOException;
import org.subethamail.smtp.server.Session;

/**
 * EHLO and HELO (RFC 5321 §4.1.1.1): the client names itself; the transaction in progress, if
 * any, is cleared as by RSET (§4.1.4); the reply is the verb's own.
 */
abstract class GreetingCommand extends SmtpCommand {

    private final SmtpReply syntax;

    GreetingCommand(String verb) {
        super(verb, "Introduce yourself.");
        this.syntax = new SmtpReply(501, "5.5.4", "Syntax: " + verb + " <domain>");
    }

    /** The reply to a well-formed greeting. */
    abstract String greetingReply(Session session);

    @Override
    final void run(String arguments, Session session) throws IOException {
        String[] words = arguments.strip().split(" +");
        if (words[0].isEmpty()) {
            reply(session, syntax);
            return;
        }
        session.resetMailTransaction();
        session.setHelo(words[0]);
        SessionLog.send(session, greetingReply(session));
    }
}
