package org.sealpost.bridge.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandHandler;

/**
 * Replaces every command of SubEthaSMTP's registry with the bridge's own, each behind the
 * {@link TlsGate}. SubEthaSMTP keeps doing what it does well (threads, sockets, timeouts,
 * connection limits, line reading); the protocol rules are ours.
 */
public final class BridgeCommands {

    private BridgeCommands() {}

    /**
     * @param handler  the server's command handler, before the server starts
     * @param inFlight the bytes of messages in memory, checked against a declared {@code SIZE=}
     */
    public static void install(
            CommandHandler handler,
            MandatoryStartTls tlsRule,
            EhloCapabilities capabilities,
            String hostName,
            MessageSizeLimit sizeLimit,
            InFlightBytes inFlight) {
        List<SmtpCommand> commands = List.of(
                new EhloCommand(capabilities),
                new HeloCommand(hostName),
                new StartTlsCommand(),
                new MailCommand(sizeLimit, inFlight),
                new RcptCommand(),
                new DataCommand(),
                FixedReplyCommand.noop(),
                FixedReplyCommand.rset(),
                FixedReplyCommand.quit(),
                FixedReplyCommand.vrfy());
        Set<String> ours = new HashSet<>();
        for (SmtpCommand command : commands) {
            handler.addCommand(new TlsGate(tlsRule, command));
            ours.add(command.getName());
        }
        // Whatever else SubEthaSMTP knows (AUTH, BDAT, EXPN, HELP, and anything a later version
        // adds) is answered "not implemented": none of it is advertised, and BDAT would be a
        // second way to send a message around the DATA rules.
        for (String verb : Set.copyOf(handler.getVerbs())) {
            if (!ours.contains(verb)) {
                Command notImplemented = FixedReplyCommand.notImplemented(verb);
                handler.addCommand(new TlsGate(tlsRule, notImplemented));
            }
        }
    }
}
