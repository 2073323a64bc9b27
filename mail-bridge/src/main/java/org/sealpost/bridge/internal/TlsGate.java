package org.sealpost.bridge.internal;

import java.io.IOException;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * Puts {@link MandatoryStartTls} in front of a command, like SubEthaSMTP's
 * RequireTLSCommandWrapper but with the RFC 3207 reply including its enhanced status code
 * ({@code 530 5.7.0}) and with the exemptions decided by the rule, not by the registry.
 */
final class TlsGate implements Command {

    private final MandatoryStartTls rule;
    private final Command command;

    TlsGate(MandatoryStartTls rule, Command command) {
        this.rule = rule;
        this.command = command;
    }

    @Override
    public void execute(String line, Session session) throws IOException, DropConnectionException {
        Decision decision = rule.decide(command.getName(), session.isTLSStarted());
        if (decision.proceeds()) {
            command.execute(line, session);
        } else {
            SessionLog.send(session, decision.reply().line());
        }
    }

    @Override
    public HelpMessage getHelp() throws CommandException {
        return command.getHelp();
    }

    @Override
    public String getName() {
        return command.getName();
    }
}
