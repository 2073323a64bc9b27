package org.sealpost.bridge.internal;

import java.io.IOException;

import org.subethamail.smtp.server.Session;

/** EHLO (RFC 5321 §4.1.1.1), advertising {@link EhloCapabilities}. */
final class EhloCommand extends SmtpCommand {

    static final SmtpReply SYNTAX = new SmtpReply(501, "5.5.4", "Syntax: EHLO <domain>");

    private final EhloCapabilities capabilities;

    EhloCommand(EhloCapabilities capabilities) {
        super("EHLO", "Introduce yourself.");
        this.capabilities = capabilities;
    }

    @Override
    void run(String arguments, Session session) throws IOException {
        String[] words = arguments.strip().split(" +");
        if (words[0].isEmpty()) {
            reply(session, SYNTAX);
            return;
        }
        // RFC 5321 §4.1.4: EHLO also clears any transaction in progress, like RSET.
        session.resetMailTransaction();
        session.setHelo(words[0]);
        session.sendResponse(capabilities.reply(session.isTLSStarted()));
    }
}
