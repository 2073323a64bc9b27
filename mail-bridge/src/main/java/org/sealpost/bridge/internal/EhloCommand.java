package org.sealpost.bridge.internal;

import org.subethamail.smtp.server.Session;

/** EHLO, advertising {@link EhloCapabilities}: STARTTLS only until TLS is on (RFC 3207 §4.2). */
final class EhloCommand extends GreetingCommand {

    private final EhloCapabilities capabilities;

    EhloCommand(EhloCapabilities capabilities) {
        super("EHLO");
        this.capabilities = capabilities;
    }

    @Override
    String greetingReply(Session session) {
        return capabilities.reply(session.isTLSStarted());
    }
}
