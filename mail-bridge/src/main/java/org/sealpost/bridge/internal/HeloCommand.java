package org.sealpost.bridge.internal;

import java.io.IOException;

import org.subethamail.smtp.server.Session;

/** HELO (RFC 5321 §4.1.1.1), for clients that do not speak ESMTP. */
final class HeloCommand extends SmtpCommand {

    static final SmtpReply SYNTAX = new SmtpReply(501, "5.5.4", "Syntax: HELO <domain>");

    private final String hostName;

    HeloCommand(String hostName) {
        super("HELO", "Introduce yourself.");
        this.hostName = hostName;
    }

    @Override
    void run(String arguments, Session session) throws IOException {
        String[] words = arguments.strip().split(" +");
        if (words[0].isEmpty()) {
            reply(session, SYNTAX);
            return;
        }
        session.resetMailTransaction();
        session.setHelo(words[0]);
        session.sendResponse("250 " + hostName);
    }
}
