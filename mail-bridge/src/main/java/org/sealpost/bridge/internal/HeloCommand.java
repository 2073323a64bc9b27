package org.sealpost.bridge.internal;

import org.subethamail.smtp.server.Session;

/** HELO, for clients that do not speak ESMTP: no extensions to advertise. */
final class HeloCommand extends GreetingCommand {

    private final String hostName;

    HeloCommand(String hostName) {
        super("HELO");
        this.hostName = hostName;
    }

    @Override
    String greetingReply(Session session) {
        return "250 " + hostName;
    }
}
