package org.sealpost.bridge.internal;

import java.io.IOException;
import java.util.Locale;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * Base of the bridge's SMTP commands, which replace SubEthaSMTP's own (see
 * {@link BridgeCommands}).
 *
 * <p>SubEthaSMTP looks commands up by their first four letters, so {@code QUITX} or
 * {@code MAILFROM:<x>} would reach QUIT and MAIL; here the whole verb must match.
 */
abstract class SmtpCommand extends BaseCommand {

    static final SmtpReply UNRECOGNISED = new SmtpReply(500, "5.5.2", "Error: command not recognized");

    SmtpCommand(String verb, String help) {
        super(verb, help);
    }

    @Override
    public final void execute(String line, Session session) throws IOException {
        int space = line.indexOf(' ');
        String verb = space < 0 ? line : line.substring(0, space);
        if (!verb.toUpperCase(Locale.ROOT).equals(getName())) {
            reply(session, UNRECOGNISED);
            return;
        }
        run(space < 0 ? "" : line.substring(space + 1), session);
    }

    /**
     * @param arguments what follows the verb and its space, unmodified
     */
    abstract void run(String arguments, Session session) throws IOException;

    static void reply(Session session, SmtpReply reply) throws IOException {
        SessionLog.send(session, reply.line());
    }
}
